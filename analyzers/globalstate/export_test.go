package globalstate

// ResetFlags forgets the flags a test set.
func ResetFlags() { concurrent = false }
