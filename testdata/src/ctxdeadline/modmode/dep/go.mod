module github.com/acme/dep

go 1.26
