package p_test

import _ "github.com/stretchr/testify/assert" // not in go.mod
