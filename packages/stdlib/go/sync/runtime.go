// Package sync provides mutual exclusion locks, wait groups, once and condition variables. Waiting goroutines
// park on the runtime's semaphores (runtime/sema.go in Go; gosim's runtime/src/sema.ts).
package sync

// runtime_Semacquire waits until *s > 0 and decrements it.
func runtime_Semacquire(s *uint32)

// runtime_SemacquireMutex is runtime_Semacquire for a mutex; lifo queues the waiter first.
func runtime_SemacquireMutex(s *uint32, lifo bool, skipframes int)

// runtime_Semrelease increments *s and wakes one waiter; handoff passes the count to it and yields.
func runtime_Semrelease(s *uint32, handoff bool, skipframes int)

// notifyList is the runtime's ticket-based wait list of a Cond (layout shared with the runtime).
type notifyList struct {
	wait   uint32
	notify uint32
	lock   uintptr
	head   uintptr
	tail   uintptr
}

func runtime_notifyListAdd(l *notifyList) uint32
func runtime_notifyListWait(l *notifyList, t uint32)
func runtime_notifyListNotifyAll(l *notifyList)
func runtime_notifyListNotifyOne(l *notifyList)

// fatal ends the program with "fatal error: s" (a user error: no runtime frames in the traceback).
func fatal(s string)

// throw ends the program with "fatal error: s" as a runtime error.
func throw(s string)
