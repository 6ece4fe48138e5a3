package zerolog

func (l *Logger) Fatal() *Event { return &Event{} }

func (l *Logger) Panic() *Event { return &Event{} }
