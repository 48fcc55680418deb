package huawei

import (
	"bytes"
	"crypto/hkdf"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"testing"

	"github.com/emmansun/gmsm/sm3"
)

// RFC 4231 test cases 1 (short key) and 6 (key longer than a block).
func TestHMACSHA256RFC4231(t *testing.T) {
	cases := []struct{ key, msg, want string }{
		{string(bytes.Repeat([]byte{0x0b}, 20)), "Hi There",
			"b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
		{string(bytes.Repeat([]byte{0xaa}, 131)), "Test Using Larger Than Block-Size Key - Hash Key First",
			"60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
	}
	for _, c := range cases {
		if got := hmacSHA256(c.key, []byte(c.msg)); hex.EncodeToString(got[:]) != c.want {
			t.Errorf("HMAC-SHA256 = %x, want %s", got, c.want)
		}
	}
}

// The hand-written MACs and HKDF against crypto/hmac and crypto/hkdf, over
// keys and messages around the block size.
func TestMACsMatchStandardLibrary(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 400; i++ {
		key := make([]byte, rng.IntN(150))
		msg := make([]byte, rng.IntN(700))
		for _, b := range [][]byte{key, msg} {
			for j := range b {
				b[j] = byte(rng.Uint32())
			}
		}
		want := hmac.New(sha256.New, key)
		want.Write(msg)
		if got := hmacSHA256(key, msg); !hmac.Equal(got[:], want.Sum(nil)) {
			t.Fatalf("hmacSHA256(%d-byte key, %d-byte msg) differs from crypto/hmac", len(key), len(msg))
		}
		wantSM3 := hmac.New(sm3.New, key)
		wantSM3.Write(msg)
		if got := hmacSM3(sm3.Sum, string(key), msg); !hmac.Equal(got[:], wantSM3.Sum(nil)) {
			t.Fatalf("hmacSM3(%d-byte key, %d-byte msg) differs from crypto/hmac with sm3", len(key), len(msg))
		}
		info := msg[:min(len(msg), 60)]
		okm, err := hkdf.Key(sha256.New, msg, key, string(info), 32)
		if err != nil {
			t.Fatal(err)
		}
		if got := derivedKey(string(key), string(msg), info); string(got[:]) != hex.EncodeToString(okm) {
			t.Fatalf("derivedKey differs from crypto/hkdf")
		}
	}
}
