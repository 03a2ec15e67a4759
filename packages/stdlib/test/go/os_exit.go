package main

import "os"

func main() {
	defer println("deferred: not printed")
	os.Stdout.WriteString("before exit\n")
	println("to stderr")
	os.Exit(3)
}
