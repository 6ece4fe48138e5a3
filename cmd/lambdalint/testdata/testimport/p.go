package p

func BadName() {}
