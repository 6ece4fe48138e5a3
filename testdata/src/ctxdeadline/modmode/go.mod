module example.com/app

go 1.26

require github.com/acme/dep v0.0.0

replace github.com/acme/dep => ./dep
