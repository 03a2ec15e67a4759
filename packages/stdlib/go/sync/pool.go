package sync

// A Pool is a set of temporary objects that may be individually saved and retrieved. gosim's pool is a plain
// stack of the objects put back (Go's per-P caches and their clearing at each GC are not modelled: an object
// Put stays until a Get takes it).
type Pool struct {
	mu    Mutex
	items []any
	// New, if not nil, makes a value when the pool is empty.
	New func() any
}

// Put adds x to the pool (nil is dropped).
func (p *Pool) Put(x any) {
	if x == nil {
		return
	}
	p.mu.Lock()
	p.items = append(p.items, x)
	p.mu.Unlock()
}

// Get takes the most recently Put object from the pool, or returns New's result (nil without New).
func (p *Pool) Get() any {
	p.mu.Lock()
	if n := len(p.items); n > 0 {
		x := p.items[n-1]
		p.items[n-1] = nil
		p.items = p.items[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	if p.New != nil {
		return p.New()
	}
	return nil
}
