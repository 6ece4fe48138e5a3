module example.com/testimport

go 1.22
