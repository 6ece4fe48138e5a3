package globalstate

// concurrent is the value of -globalstate.concurrent.
var concurrent bool

func init() {
	Analyzer.Flags.BoolVar(&concurrent, "concurrent", false,
		"multi-concurrency mode (Lambda Managed Instances): report every unsynchronised write to package state "+
			"from handler code, not only writes from goroutines")
}
