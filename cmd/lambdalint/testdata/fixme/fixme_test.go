package fixme

// BadInTest is reported in the test variant of the package only.
func BadInTest() {}
