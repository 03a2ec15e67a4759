package time

// Sleep pauses the goroutine for at least d (d <= 0: returns at once); it parks with wait reason "sleep".
func Sleep(d Duration)

// runtimeTimer is the runtime's timer (Go 1.19's layout, shared with gosim's runtime/src/time.ts).
type runtimeTimer struct {
	pp       uintptr
	when     int64
	period   int64
	f        func(any, uintptr)
	arg      any
	seq      uintptr
	nextwhen int64
	status   uint32
}

func startTimer(*runtimeTimer)
func stopTimer(*runtimeTimer) bool
func resetTimer(*runtimeTimer, int64) bool

// timerInit gives the runtime the timer goroutine's function; timerWait is that goroutine's wait for the next
// fired timer's call (f nil: woken with nothing due yet).
func timerInit(proc func())
func timerWait() (f func(any, uintptr), arg any, seq uintptr)

func init() {
	timerInit(timerproc)
}

// timerproc runs on the timer goroutine: each fired timer's function, in the order the timers fired.
func timerproc() {
	for {
		f, arg, seq := timerWait()
		if f != nil {
			f(arg, seq)
		}
	}
}

// when is the runtime clock's reading d from now (past the int64 range: the largest).
func when(d Duration) int64 {
	if d <= 0 {
		return runtimeNano()
	}
	t := runtimeNano() + int64(d)
	if t < 0 {
		t = 1<<63 - 1
	}
	return t
}

// The Timer type represents a single event: when it expires the current time is sent on C (unless the
// Timer was made by AfterFunc).
type Timer struct {
	C <-chan Time
	r runtimeTimer
}

// Stop prevents the Timer from firing; it reports whether it stopped a pending timer.
func (t *Timer) Stop() bool {
	if t.r.f == nil {
		panic("time: Stop called on uninitialized Timer")
	}
	return stopTimer(&t.r)
}

// NewTimer creates a Timer that sends the current time on its channel after at least d.
func NewTimer(d Duration) *Timer {
	c := make(chan Time, 1)
	t := &Timer{C: c}
	t.r.when = when(d)
	t.r.f = sendTime
	t.r.arg = c
	startTimer(&t.r)
	return t
}

// Reset makes the timer expire after d; it reports whether the timer had been pending.
func (t *Timer) Reset(d Duration) bool {
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Timer")
	}
	return resetTimer(&t.r, when(d))
}

// sendTime sends the current time on c unless its buffer is full (a reader that fell behind misses ticks).
func sendTime(c any, seq uintptr) {
	select {
	case c.(chan Time) <- Now():
	default:
	}
}

// After waits for d to elapse and then sends the current time on the returned channel.
func After(d Duration) <-chan Time {
	return NewTimer(d).C
}

// AfterFunc calls f in its own goroutine after d; the Timer's Stop cancels the call.
func AfterFunc(d Duration, f func()) *Timer {
	t := new(Timer)
	t.r.when = when(d)
	t.r.f = goFunc
	t.r.arg = f
	startTimer(&t.r)
	return t
}

func goFunc(arg any, seq uintptr) {
	go arg.(func())()
}

// A Ticker sends the time on C every period; a slow reader misses ticks.
type Ticker struct {
	C <-chan Time
	r runtimeTimer
}

// NewTicker returns a Ticker of period d (d must be positive).
func NewTicker(d Duration) *Ticker {
	if d <= 0 {
		panic("non-positive interval for NewTicker")
	}
	c := make(chan Time, 1)
	t := &Ticker{C: c}
	t.r.when = when(d)
	t.r.period = int64(d)
	t.r.f = sendTime
	t.r.arg = c
	startTimer(&t.r)
	return t
}

// Stop turns off the ticker; C is not closed.
func (t *Ticker) Stop() {
	stopTimer(&t.r)
}

// Reset stops the ticker and restarts it with period d.
func (t *Ticker) Reset(d Duration) {
	if d <= 0 {
		panic("non-positive interval for Ticker.Reset")
	}
	if t.r.f == nil {
		panic("time: Reset called on uninitialized Ticker")
	}
	stopTimer(&t.r)
	t.r.when = when(d)
	t.r.period = int64(d)
	startTimer(&t.r)
}

// Tick is NewTicker(d).C, or nil for d <= 0.
func Tick(d Duration) <-chan Time {
	if d <= 0 {
		return nil
	}
	return NewTicker(d).C
}
