package handlersetup

import "github.com/lambdalint/lambdalint/analyzers/lambdaapi"

// extra holds the -handlersetup.extra flag: the constructors it names join
// the lambdaapi table.
var extra = lambdaapi.FuncList{Check: func(names []string) error {
	for _, name := range names {
		if err := lambdaapi.AddExpensive(name); err != nil {
			return err
		}
	}
	return nil
}}
