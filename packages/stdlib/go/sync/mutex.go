package sync

// A Locker represents an object that can be locked and unlocked.
type Locker interface {
	Lock()
	Unlock()
}

// A Mutex is a mutual exclusion lock; its zero value is unlocked.
//
// state: bit 0 locked, bit 1 a woken waiter is on its way (Unlock wakes no other), bits 3.. the number of
// goroutines waiting on sema. A woken waiter competes with goroutines that arrive meanwhile and, losing,
// queues again at the front. (Go's starvation mode, entered after a waiter waited 1 ms, needs a clock that
// moves while goroutines run; gosim's virtual clock stands still then, so it never starts.)
type Mutex struct {
	state int32
	sema  uint32
}

const (
	mutexLocked      = 1
	mutexWoken       = 2
	mutexStarving    = 4
	mutexWaiterShift = 3
)

// Lock locks m, waiting until it is available.
func (m *Mutex) Lock() {
	if casInt32(&m.state, 0, mutexLocked) {
		return
	}
	m.lockSlow()
}

// TryLock locks m if it is unlocked and reports whether it did.
func (m *Mutex) TryLock() bool {
	old := loadInt32(&m.state)
	if old&(mutexLocked|mutexStarving) != 0 {
		return false
	}
	return casInt32(&m.state, old, old|mutexLocked)
}

func (m *Mutex) lockSlow() {
	queued := false
	woken := false
	for {
		old := loadInt32(&m.state)
		next := old | mutexLocked
		if old&mutexLocked != 0 {
			next = old + 1<<mutexWaiterShift
		}
		if woken {
			next &^= mutexWoken
		}
		if !casInt32(&m.state, old, next) {
			continue
		}
		if old&mutexLocked == 0 {
			return
		}
		runtime_SemacquireMutex(&m.sema, queued, 1)
		queued = true
		woken = true
	}
}

// Unlock unlocks m; unlocking an unlocked mutex is a fatal error.
func (m *Mutex) Unlock() {
	left := addInt32(&m.state, -mutexLocked)
	if left != 0 {
		m.unlockSlow(left)
	}
}

func (m *Mutex) unlockSlow(left int32) {
	if (left+mutexLocked)&mutexLocked == 0 {
		fatal("sync: unlock of unlocked mutex")
	}
	old := left
	for {
		if old>>mutexWaiterShift == 0 || old&(mutexLocked|mutexWoken) != 0 {
			return
		}
		if casInt32(&m.state, old, (old-1<<mutexWaiterShift)|mutexWoken) {
			runtime_Semrelease(&m.sema, false, 1)
			return
		}
		old = loadInt32(&m.state)
	}
}
