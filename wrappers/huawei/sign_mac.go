package huawei

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
)

// The MACs below are RFC 2104's HMAC written over the hashes' one-shot Sum
// functions, on stack buffers: crypto/hmac allocates its hash states and
// pads on every use (six allocations a signature). Tests check them against
// crypto/hmac, RFC 4231 and the official SDKs' signatures.

const macBlockSize = 64 // SHA-256 and SM3 both

// hmacSHA256 returns HMAC-SHA256(key, msg).
func hmacSHA256[K, M string | []byte](key K, msg M) [32]byte {
	var k [macBlockSize]byte
	if len(key) > macBlockSize {
		sum := sha256.Sum256([]byte(key))
		copy(k[:], sum[:])
	} else {
		copy(k[:], key)
	}
	var buf [macBlockSize + 448]byte
	inner := append(buf[:0], k[:]...)
	xorPad(inner, 0x36)
	inner = append(inner, msg...)
	innerSum := sha256.Sum256(inner)
	var outer [macBlockSize + sha256.Size]byte
	copy(outer[:], k[:])
	xorPad(outer[:macBlockSize], 0x5c)
	copy(outer[macBlockSize:], innerSum[:])
	return sha256.Sum256(outer[:])
}

// hmacSM3 returns HMAC-SM3(key, msg), with sm3 the hash. It allocates (an
// SM3 given as a function keeps its input off the stack), which is why it
// does not share hmacSHA256's buffers.
func hmacSM3(sm3 func([]byte) [32]byte, key string, msg []byte) [32]byte {
	var k [macBlockSize]byte
	if len(key) > macBlockSize {
		sum := sm3([]byte(key))
		copy(k[:], sum[:])
	} else {
		copy(k[:], key)
	}
	inner := make([]byte, 0, macBlockSize+len(msg))
	for _, c := range k {
		inner = append(inner, c^0x36)
	}
	innerSum := sm3(append(inner, msg...))
	outer := make([]byte, macBlockSize+len(innerSum))
	for i, c := range k {
		outer[i] = c ^ 0x5c
	}
	copy(outer[macBlockSize:], innerSum[:])
	return sm3(outer)
}

// xorPad XORs the first macBlockSize bytes of b with pad, a word at a time.
func xorPad(b []byte, pad byte) {
	w := uint64(pad) * 0x0101010101010101
	for i := 0; i < macBlockSize; i += 8 {
		binary.LittleEndian.PutUint64(b[i:], binary.LittleEndian.Uint64(b[i:])^w)
	}
}

// derivedKey is the V11-HMAC-SHA256 signing key: the hex text of
// HKDF-SHA256(secret = secret key, salt = access key, info = scope), 32
// bytes, as the SDK's DerivedSigner.getDerivationKey (RFC 5869: one
// expansion block suffices for 32 bytes).
func derivedKey(accessKey, secretKey string, info []byte) [64]byte {
	prk := hmacSHA256(accessKey, secretKey)
	var t1 [64 + 1]byte
	msg := append(append(t1[:0], info...), 1)
	okm := hmacSHA256(prk[:], msg)
	var out [64]byte
	hex.Encode(out[:], okm[:])
	return out
}
