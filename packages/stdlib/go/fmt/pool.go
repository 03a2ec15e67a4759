package fmt

import "reflect"

// Freed printers are reused as Go's sync.Pool of them gives them back on one P: a private slot (filled by a
// free when empty, emptied first by a get), then a last-in first-out shared list. A reused printer keeps its last
// width and precision (a Formatter's Width and Precision show them when no flag is set, as in Go). Gets and
// frees are straight-line code with no call: no safe point, so no goroutine switch, inside them.
var (
	privatePrinter *printer
	sharedPrinters [16]*printer
	numShared      int
)

func newPrinter() *printer {
	p := privatePrinter
	if p != nil {
		privatePrinter = nil
	} else if numShared > 0 {
		numShared--
		p = sharedPrinters[numShared]
		sharedPrinters[numShared] = nil
	} else {
		p = &printer{}
	}
	p.panicking = false
	p.erroring = false
	p.wrapErrs = false
	p.fmt.init(&p.buf)
	return p
}

// free returns p for reuse (not a large buffer's printer, as Go keeps at most 64 KiB buffers).
func (p *printer) free() {
	if cap(p.buf) > 64<<10 {
		return
	}
	p.buf = p.buf[:0]
	p.arg = nil
	p.value = reflect.Value{}
	p.wrappedErr = nil
	if privatePrinter == nil {
		privatePrinter = p
	} else if numShared < len(sharedPrinters) {
		sharedPrinters[numShared] = p
		numShared++
	}
}
