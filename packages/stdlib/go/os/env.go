package os

// env is the environment as KEY=value entries, read from the runtime on first use.
var env []string
var envRead bool

func environ() []string {
	if !envRead {
		env = runtime_envs()
		envRead = true
	}
	return env
}

// find is the index of key's entry, or -1.
func find(key string) int {
	e := environ()
	for i := len(e) - 1; i >= 0; i-- {
		kv := e[i]
		if len(kv) > len(key) && kv[len(key)] == '=' && kv[:len(key)] == key {
			return i
		}
	}
	return -1
}

// LookupEnv returns the value of the environment variable key and whether it is set.
func LookupEnv(key string) (string, bool) {
	i := find(key)
	if i < 0 {
		return "", false
	}
	return env[i][len(key)+1:], true
}

// Getenv returns the value of the environment variable key ("" when unset).
func Getenv(key string) string {
	v, _ := LookupEnv(key)
	return v
}

// Setenv sets the environment variable key to value.
func Setenv(key, value string) error {
	if len(key) == 0 {
		return &SyscallError{Syscall: "setenv", Err: errEINVAL}
	}
	for i := 0; i < len(key); i++ {
		if key[i] == '=' || key[i] == 0 {
			return &SyscallError{Syscall: "setenv", Err: errEINVAL}
		}
	}
	kv := key + "=" + value
	if i := find(key); i >= 0 {
		env[i] = kv
	} else {
		env = append(env, kv)
	}
	return nil
}

// Unsetenv unsets the environment variable key.
func Unsetenv(key string) error {
	if i := find(key); i >= 0 {
		env = append(env[:i:i], env[i+1:]...)
	}
	return nil
}

// Clearenv deletes all environment variables.
func Clearenv() {
	environ()
	env = nil
}

// Environ returns a copy of the environment as KEY=value strings.
func Environ() []string {
	e := environ()
	out := make([]string, len(e))
	copy(out, e)
	return out
}
