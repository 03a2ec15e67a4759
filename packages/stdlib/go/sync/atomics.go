package sync

import "sync/atomic"

// The atomics the other files use. Only this file imports sync/atomic: gosim's checker keeps a package's
// imports in one scope for all its files, so a second file importing it would redeclare the name.

func addInt32(p *int32, d int32) int32          { return atomic.AddInt32(p, d) }
func loadInt32(p *int32) int32                  { return atomic.LoadInt32(p) }
func casInt32(p *int32, old, new int32) bool    { return atomic.CompareAndSwapInt32(p, old, new) }
func loadUint32(p *uint32) uint32               { return atomic.LoadUint32(p) }
func storeUint32(p *uint32, v uint32)           { atomic.StoreUint32(p, v) }
func addUint64(p *uint64, d uint64) uint64      { return atomic.AddUint64(p, d) }
func loadUint64(p *uint64) uint64               { return atomic.LoadUint64(p) }
func storeUint64(p *uint64, v uint64)           { atomic.StoreUint64(p, v) }
func casUint64(p *uint64, old, new uint64) bool { return atomic.CompareAndSwapUint64(p, old, new) }
