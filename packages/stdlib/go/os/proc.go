// Package os provides the program's arguments, environment, exit and its standard files. Under gosim the
// arguments and environment are the run's (options `args` and `env`; `gosim run` passes the file's extra
// arguments and its own environment), and the standard files write to the run's stdout and stderr.
package os

func runtime_args() []string
func runtime_envs() []string
func runtime_exit(code int)

// Args hold the command-line arguments, starting with the program name.
var Args []string

func init() {
	Args = runtime_args()
}

// Exit ends the program now with the given status (deferred functions do not run); the status the system
// keeps is code's low 8 bits.
func Exit(code int) {
	runtime_exit(code)
}

// Getpid returns a fixed process id (gosim runs no process).
func Getpid() int { return 1 }
