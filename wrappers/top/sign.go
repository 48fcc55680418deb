package top

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"sort"
	"strings"

	"github.com/docapi/docapi/wrappers/secret"
)

// SignMethod is the value of TOP's sign_method system parameter.
type SignMethod string

// The sign methods the TOP gateway accepts.
const (
	SignMD5        SignMethod = "md5"         // MD5(secret + s + secret)
	SignHMAC       SignMethod = "hmac"        // HMAC-MD5(key=secret, s)
	SignHMACSHA256 SignMethod = "hmac-sha256" // HMAC-SHA256(key=secret, s)
)

// Valid reports whether m is one of the sign methods above.
func (m SignMethod) Valid() bool {
	switch m {
	case SignMD5, SignHMAC, SignHMACSHA256:
		return true
	}
	return false
}

// Sign computes the TOP request signature over params with the app secret.
//
// The signed string s is name+value of every parameter except "sign", sorted
// by name (byte order), with raw (not URL-escaped) values. Parameters with an
// empty value are skipped, as the official SDKs never send them. File (byte
// array) parameters are excluded from TOP signatures; they cannot be expressed
// in a map[string]string, so the caller simply leaves them out. The result is
// uppercase hex.
func Sign(params map[string]string, appSecret secret.Value, method SignMethod) (string, error) {
	if appSecret.IsZero() {
		return "", errors.New("top: sign: empty app secret")
	}
	names := make([]string, 0, len(params))
	for k, v := range params {
		if k == "" || k == "sign" || v == "" {
			continue
		}
		names = append(names, k)
	}
	sort.Strings(names)
	var s strings.Builder
	for _, k := range names {
		s.WriteString(k)
		s.WriteString(params[k])
	}

	key := appSecret.Reveal()
	var h hash.Hash
	switch method {
	case SignMD5:
		h = md5.New()
		h.Write([]byte(key))
		h.Write([]byte(s.String()))
		h.Write([]byte(key))
	case SignHMAC:
		h = hmac.New(md5.New, []byte(key))
		h.Write([]byte(s.String()))
	case SignHMACSHA256:
		h = hmac.New(sha256.New, []byte(key))
		h.Write([]byte(s.String()))
	default:
		return "", fmt.Errorf("top: sign: unsupported sign method %q", string(method))
	}
	return strings.ToUpper(hex.EncodeToString(h.Sum(nil))), nil
}
