package os

import (
	"errors"
	"io"
)

// ErrInvalid is returned for an invalid argument, such as a method on a nil *File.
var ErrInvalid = errors.New("invalid argument")

// errno is a system call error number, printed as the C library does.
type errno uintptr

func (e errno) Error() string {
	switch e {
	case 5:
		return "input/output error"
	case 9:
		return "bad file descriptor"
	case 11:
		return "resource temporarily unavailable"
	case 22:
		return "invalid argument"
	case 28:
		return "no space left on device"
	case 32:
		return "broken pipe"
	case 104:
		return "connection reset by peer"
	}
	return "errno " + itoa(int(e))
}

const errEINVAL = errno(22)

func itoa(v int) string {
	if v == 0 {
		return "0"
	}
	neg := v < 0
	if neg {
		v = -v
	}
	var b [20]byte
	i := len(b)
	for v > 0 {
		i--
		b[i] = byte('0' + v%10)
		v /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// PathError records an error and the operation and file path that caused it.
type PathError struct {
	Op   string
	Path string
	Err  error
}

func (e *PathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *PathError) Unwrap() error { return e.Err }

// SyscallError records an error from a specific system call.
type SyscallError struct {
	Syscall string
	Err     error
}

func (e *SyscallError) Error() string { return e.Syscall + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *SyscallError) Unwrap() error { return e.Err }

// runtime_write writes b to the descriptor fd; it returns the bytes written or a negated errno.
func runtime_write(fd int, b []byte) int

// sigpipe ends the program as the signal SIGPIPE does (no output; a shell reports status 141).
func sigpipe()

const errEPIPE = errno(32)

// File is an open file descriptor. gosim has the three standard ones: writes to 1 and 2 go to the run's
// stdout and stderr; 0 has no input.
type File struct {
	fd   int
	name string
}

// NewFile returns a new File with the given descriptor and name.
func NewFile(fd uintptr, name string) *File {
	return &File{fd: int(fd), name: name}
}

// Stdin, Stdout and Stderr are the standard input, output and error files.
var (
	Stdin  = NewFile(0, "/dev/stdin")
	Stdout = NewFile(1, "/dev/stdout")
	Stderr = NewFile(2, "/dev/stderr")
)

// Name returns the name of the file.
func (f *File) Name() string { return f.name }

// Fd returns the file's descriptor.
func (f *File) Fd() uintptr {
	if f == nil {
		return ^uintptr(0)
	}
	return uintptr(f.fd)
}

// Write writes b to the file.
func (f *File) Write(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	n = runtime_write(f.fd, b)
	if n < 0 {
		// a broken pipe on standard output or error ends the program, as in Go (os.epipecheck)
		if errno(-n) == errEPIPE && (f.fd == 1 || f.fd == 2) {
			sigpipe()
		}
		return 0, &PathError{Op: "write", Path: f.name, Err: errno(-n)}
	}
	return n, nil
}

// WriteString writes s to the file.
func (f *File) WriteString(s string) (n int, err error) {
	return f.Write([]byte(s))
}

// Read reads from the file: gosim's standard input is empty (EOF).
func (f *File) Read(b []byte) (n int, err error) {
	if f == nil {
		return 0, ErrInvalid
	}
	if f.fd != 0 {
		return 0, &PathError{Op: "read", Path: f.name, Err: errno(9)}
	}
	if len(b) == 0 {
		return 0, nil
	}
	return 0, io.EOF
}

// Close closes the file (the standard files stay usable under gosim).
func (f *File) Close() error {
	if f == nil {
		return ErrInvalid
	}
	return nil
}

// Sync commits the file's contents (nothing to do).
func (f *File) Sync() error {
	if f == nil {
		return ErrInvalid
	}
	return nil
}
