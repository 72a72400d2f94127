// Package wordfeat computes the hashed word features shared by the tagger
// and the parser: lowercased form, exact form, affixes and word shape,
// without allocating.
package wordfeat

// FNV-1a constants.
const (
	offset = 0xcbf29ce484222325
	prime  = 0x100000001b3
)

func lowerByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// Lower returns the FNV-1a hash of s lowercased (ASCII letters only), with
// every digit mapped to '0' so that numbers of one shape share statistics.
func Lower(s string) uint64 {
	h := uint64(offset)
	for i := 0; i < len(s); i++ {
		c := lowerByte(s[i])
		if c >= '0' && c <= '9' {
			c = '0'
		}
		h ^= uint64(c)
		h *= prime
	}
	return h
}

// Exact returns the FNV-1a hash of s as written.
func Exact(s string) uint64 {
	h := uint64(offset) ^ 0x5bd1e995
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}

// Suffix returns the hash of the last n bytes of s lowercased (all of s when
// shorter), distinct for each n.
func Suffix(s string, n int) uint64 {
	if n > len(s) {
		n = len(s)
	}
	h := uint64(offset) + uint64(n)*0x9e3779b97f4a7c15
	for i := len(s) - n; i < len(s); i++ {
		h ^= uint64(lowerByte(s[i]))
		h *= prime
	}
	return h
}

// Prefix returns the hash of the first n bytes of s lowercased.
func Prefix(s string, n int) uint64 {
	if n > len(s) {
		n = len(s)
	}
	h := uint64(offset) + uint64(n)*0xc2b2ae3d27d4eb4f
	for i := 0; i < n; i++ {
		h ^= uint64(lowerByte(s[i]))
		h *= prime
	}
	return h
}

// Shape returns the hash of the word's shape: letters become X or x,
// digits d, other bytes stay; runs of one kind longer than three are cut to
// three ("Peskov" → "Xxxx", "1,000" → "d,ddd").
func Shape(s string) uint64 {
	h := uint64(offset) ^ 0x27d4eb2f165667c5
	var last byte
	run := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			c = 'X'
		case c >= 'a' && c <= 'z':
			c = 'x'
		case c >= '0' && c <= '9':
			c = 'd'
		case c >= 0x80:
			c = 'u'
		}
		if c == last {
			run++
			if run > 3 {
				continue
			}
		} else {
			last, run = c, 1
		}
		h ^= uint64(c)
		h *= prime
	}
	return h
}

// Flags returns a small bit set: 1 has an uppercase letter, 2 starts with
// one, 4 all letters uppercase, 8 has a digit, 16 has a hyphen, 32 has a
// period, 64 has a non-ASCII byte.
func Flags(s string) uint64 {
	var f uint64
	letters, upper := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			f |= 1
			letters++
			upper++
			if i == 0 {
				f |= 2
			}
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			f |= 8
		case c == '-':
			f |= 16
		case c == '.':
			f |= 32
		case c >= 0x80:
			f |= 64
		}
	}
	if letters > 0 && upper == letters {
		f |= 4
	}
	return f
}
