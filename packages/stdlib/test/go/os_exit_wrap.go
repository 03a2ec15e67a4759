package main

import "os"

func main() {
	go func() {
		os.Exit(300)
	}()
	select {}
}
