package main

import "os"

func main() {
	println("args:", len(os.Args))
	_, ok := os.LookupEnv("GOSIM_TEST_SURELY_UNSET")
	println("unset:", ok, os.Getenv("GOSIM_TEST_SURELY_UNSET") == "")
	os.Setenv("GOSIM_TEST_VAR", "v1")
	v, ok := os.LookupEnv("GOSIM_TEST_VAR")
	println("set:", v, ok)
	os.Setenv("GOSIM_TEST_VAR", "v2")
	println("reset:", os.Getenv("GOSIM_TEST_VAR"))
	found := 0
	for _, kv := range os.Environ() {
		if kv == "GOSIM_TEST_VAR=v2" {
			found++
		}
	}
	println("in Environ:", found)
	os.Unsetenv("GOSIM_TEST_VAR")
	_, ok = os.LookupEnv("GOSIM_TEST_VAR")
	println("unsetenv:", ok)
	println("bad key:", os.Setenv("", "x") != nil, os.Setenv("a=b", "x").Error())
}
