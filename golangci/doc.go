// Package golangci is lambdalint's golangci-lint v2 module plugin.
//
// Importing it registers a linter named "lambdalint" with
// github.com/golangci/plugin-module-register. A custom golangci-lint built
// with it (golangci-lint custom, from a .custom-gcl.yml that names this
// package as the plugin's import) runs lambdalint's rules, the same
// analyzers as the lambdalint command, when .golangci.yml enables it:
//
//	version: "2"
//	linters:
//	  enable:
//	    - lambdalint
//	  settings:
//	    custom:
//	      lambdalint:
//	        type: module
//	        description: AWS Lambda pitfalls
//	        settings:
//	          disable: [envvars]
//	          handlersetup:
//	            extra: [example.com/db.Connect]
//	          globalstate:
//	            concurrent: true
//
// The settings have the keys of lambdalint.toml: enable or disable, a list
// of rule names, choose the rules; a table named after a rule sets that
// rule's options. golangci-lint prints each finding with its rule's name
// before the message ("globalstate: currentUser holds ...") and reports
// it as linter lambdalint, so //nolint:lambdalint suppresses it.
package golangci
