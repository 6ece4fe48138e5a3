// Command nohandler is a command-line tool, not a Lambda function: silent.
package main

import "os"

func main() {
	os.Setenv("AWS_REGION", "us-east-1")
	os.Setenv("AWS_PROFILE", "dev")
	os.Clearenv()
}
