package p

// The mocks are generated, and have not been yet.
import _ "example.com/testimport/mocks"
