package huawei

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"

	"golang.org/x/sync/singleflight"

	"github.com/docapi/docapi/generated/iam"
	"github.com/docapi/docapi/wrappers/retry"
	"github.com/docapi/docapi/wrappers/secret"
)

// Defaults for PasswordTokenSource. IAM tokens live 24 hours. IAM locks a
// user after a few wrong passwords in a row, so after an authentication
// failure the source waits before asking again: the first wait, doubled
// after each further failure up to the longest.
const (
	DefaultTokenMargin        = 10 * time.Minute
	DefaultRefreshTimeout     = 30 * time.Second
	DefaultAuthFailureBackoff = 30 * time.Second
	MaxAuthFailureBackoff     = 15 * time.Minute
)

// ErrAuthBackoff is wrapped by the error Token returns, without asking IAM,
// while it waits after an authentication failure; the error wraps the
// failure's *TokenError too.
var ErrAuthBackoff = errors.New("huawei: waiting after an IAM authentication failure")

// Token is an IAM token (the X-Subject-Token header of POST /v3/auth/tokens)
// and the instant it stops working. Printing a Token never shows its value.
type Token struct {
	Value     secret.Value
	ExpiresAt time.Time
}

// TokenSource hands out IAM tokens for the X-Auth-Token header.
type TokenSource interface {
	// Token returns a token that has not expired.
	Token(ctx context.Context) (Token, error)
	// Invalidate tells the source that a service rejected tok (HTTP 401),
	// so that the next Token call fetches a new one. It is a no-op when the
	// source has already moved on to another token.
	Invalidate(tok Token)
}

// Scope is what an IAM token is valid for: one project (by id or name) or
// the whole account (domain, by id or name). Exactly one field must be set.
type Scope struct {
	ProjectID   string
	ProjectName string
	DomainID    string
	DomainName  string
}

func (s Scope) authScope() (iam.KeystoneCreateUserTokenByPasswordAuthScope, error) {
	var set int
	for _, v := range []string{s.ProjectID, s.ProjectName, s.DomainID, s.DomainName} {
		if v != "" {
			set++
		}
	}
	if set != 1 {
		return iam.KeystoneCreateUserTokenByPasswordAuthScope{}, errors.New("huawei: token scope: set exactly one of ProjectID, ProjectName, DomainID, DomainName")
	}
	switch {
	case s.ProjectID != "":
		return iam.KeystoneCreateUserTokenByPasswordAuthScope{Project: &iam.KeystoneCreateUserTokenByPasswordAuthScopeProject{ID: &s.ProjectID}}, nil
	case s.ProjectName != "":
		return iam.KeystoneCreateUserTokenByPasswordAuthScope{Project: &iam.KeystoneCreateUserTokenByPasswordAuthScopeProject{Name: &s.ProjectName}}, nil
	case s.DomainID != "":
		return iam.KeystoneCreateUserTokenByPasswordAuthScope{Domain: &iam.KeystoneCreateUserTokenByPasswordAuthScopeDomain{ID: &s.DomainID}}, nil
	default:
		return iam.KeystoneCreateUserTokenByPasswordAuthScope{Domain: &iam.KeystoneCreateUserTokenByPasswordAuthScopeDomain{Name: &s.DomainName}}, nil
	}
}

// TokenError reports a failed token refresh. It names the user, never the
// password or a token; Err is typically an *APIError (wrong password: HTTP
// 401), a transport error or a *ResponseError.
type TokenError struct {
	DomainName string
	UserName   string
	Err        error
}

func (e *TokenError) Error() string {
	return fmt.Sprintf("huawei: getting IAM token for user %q of domain %q: %v", e.UserName, e.DomainName, e.Err)
}

func (e *TokenError) Unwrap() error { return e.Err }

// PasswordTokenSource gets IAM user tokens with a password through the
// generated IAM client and caches them until Margin before they expire.
//
// However many callers ask at once, at most one request to IAM is in flight.
// That request runs detached from the caller that started it (bounded by
// RefreshTimeout), so a caller giving up does not fail the others; each
// caller still returns as soon as its own context ends. A failed refresh is
// not cached, except an authentication failure (HTTP 401 or 403: a wrong
// password, a locked or disabled user), which is returned without asking
// IAM again for AuthFailureBackoff, doubled after each further failure up
// to MaxAuthFailureBackoff, so that a wrong password is not tried on every
// call until IAM locks the account. An expired token is never returned.
//
// Set the exported fields before the first call and do not change them
// afterwards. Use a *PasswordTokenSource; it must not be copied.
type PasswordTokenSource struct {
	// IAM issues the tokens; see NewIAMClient.
	IAM        *iam.ClientWithResponses
	DomainName string // the account name
	UserName   string
	Password   secret.Value
	Scope      Scope
	// Margin is how long before expiry a token is replaced; zero means
	// DefaultTokenMargin.
	Margin time.Duration
	// RefreshTimeout bounds one refresh, retries included; zero means
	// DefaultRefreshTimeout.
	RefreshTimeout time.Duration
	// AuthFailureBackoff is the first wait after an authentication
	// failure; zero means DefaultAuthFailureBackoff.
	AuthFailureBackoff time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time `json:"-"`

	mu sync.Mutex
	// cached is behind a pointer so that %+v of the source shows an address,
	// not the token.
	cached *cachedToken
	// authFailure is the last authentication failure while it is being
	// waited out.
	authFailure *authFailure
	flight      singleflight.Group
}

type authFailure struct {
	err     *TokenError
	until   time.Time
	backoff time.Duration // the wait that ends at until
}

type cachedToken struct {
	tok       Token
	refreshAt time.Time
}

// Token implements TokenSource.
func (s *PasswordTokenSource) Token(ctx context.Context) (Token, error) {
	if tok, ok := s.fresh(); ok {
		return tok, nil
	}
	if err := s.waitingAfterFailure(); err != nil {
		return Token{}, err
	}
	return sharedRefresh(ctx, &s.flight, orDefault(s.RefreshTimeout, DefaultRefreshTimeout), func(ctx context.Context) (Token, error) {
		// A refresh that ended just before this one started may have
		// stored a token, or a failure, already.
		if tok, ok := s.fresh(); ok {
			return tok, nil
		}
		if err := s.waitingAfterFailure(); err != nil {
			return Token{}, err
		}
		return s.refresh(ctx)
	})
}

// Format prints the configuration only, whatever the verb: never the
// password or the cached token, and without reading state that a refresh
// may be changing. (fmt skips Format methods on secret.Value when it prints
// with a verb that does not fit, such as %s on a struct.)
func (s *PasswordTokenSource) Format(f fmt.State, _ rune) {
	if s == nil {
		fmt.Fprint(f, "(*huawei.PasswordTokenSource)(nil)")
		return
	}
	fmt.Fprintf(f, "&huawei.PasswordTokenSource{DomainName:%q UserName:%q Password:%s Scope:%+v Margin:%v RefreshTimeout:%v}",
		s.DomainName, s.UserName, secret.Redacted, s.Scope, s.Margin, s.RefreshTimeout)
}

// Invalidate implements TokenSource.
func (s *PasswordTokenSource) Invalidate(tok Token) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached != nil && s.cached.tok.Value.Reveal() == tok.Value.Reveal() {
		s.cached = nil
	}
}

func (s *PasswordTokenSource) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// fresh returns the cached token if it is not yet due for refresh.
func (s *PasswordTokenSource) fresh() (Token, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cached == nil || !s.now().Before(s.cached.refreshAt) {
		return Token{}, false
	}
	return s.cached.tok, true
}

// waitingAfterFailure returns the error to give instead of asking IAM while
// an authentication failure is being waited out.
func (s *PasswordTokenSource) waitingAfterFailure() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.authFailure
	if f == nil || !s.now().Before(f.until) {
		return nil
	}
	return fmt.Errorf("%w until %s: %w", ErrAuthBackoff, f.until.UTC().Format(time.RFC3339), f.err)
}

// isAuthFailure reports whether IAM rejected the user's credentials.
func isAuthFailure(err error) bool {
	var apiErr *APIError
	return errors.As(err, &apiErr) && (apiErr.StatusCode == http.StatusUnauthorized || apiErr.StatusCode == http.StatusForbidden)
}

func (s *PasswordTokenSource) refresh(ctx context.Context) (Token, error) {
	tok, err := s.fetch(ctx)
	if err != nil {
		// IAM may quote the request, password included, in its message.
		redactAPIErrors(err, s.Password)
		tokErr := &TokenError{DomainName: s.DomainName, UserName: s.UserName, Err: err}
		if isAuthFailure(err) {
			s.mu.Lock()
			backoff := orDefault(s.AuthFailureBackoff, DefaultAuthFailureBackoff)
			if prev := s.authFailure; prev != nil {
				backoff = min(2*prev.backoff, max(MaxAuthFailureBackoff, backoff))
			}
			s.authFailure = &authFailure{err: tokErr, until: s.now().Add(backoff), backoff: backoff}
			s.mu.Unlock()
		}
		return Token{}, tokErr
	}
	now := s.now()
	refreshAt := tok.ExpiresAt.Add(-orDefault(s.Margin, DefaultTokenMargin))
	if refreshAt.Before(now) {
		// A margin longer than the token's remaining life: use the token
		// for half of what is left rather than refreshing on every call.
		refreshAt = now.Add(tok.ExpiresAt.Sub(now) / 2)
	}
	s.mu.Lock()
	s.cached = &cachedToken{tok: tok, refreshAt: refreshAt}
	s.authFailure = nil
	s.mu.Unlock()
	return tok, nil
}

// fetch calls POST /v3/auth/tokens. Token issuance is safe to repeat, so the
// call is marked idempotent for retry.Transport.
func (s *PasswordTokenSource) fetch(ctx context.Context) (Token, error) {
	if s.IAM == nil {
		return Token{}, errors.New("PasswordTokenSource has no IAM client")
	}
	scope, err := s.Scope.authScope()
	if err != nil {
		return Token{}, err
	}
	body := iam.KeystoneCreateUserTokenByPasswordRequestBody{Auth: iam.KeystoneCreateUserTokenByPasswordAuth{
		Identity: iam.KeystoneCreateUserTokenByPasswordAuthIdentity{
			Methods: []string{"password"},
			Password: iam.KeystoneCreateUserTokenByPasswordAuthIdentityPassword{User: iam.KeystoneCreateUserTokenByPasswordAuthIdentityPasswordUser{
				Domain:   iam.AuthIdentityPasswordUserDomain{Name: s.DomainName},
				Name:     s.UserName,
				Password: s.Password.Reveal(),
			}},
		},
		Scope: &scope,
	}}
	noCatalog := "true" // the catalog can be large and is not used here
	const op = "iam KeystoneCreateUserTokenByPassword"
	// The call and the parse of KeystoneCreateUserTokenByPasswordWithResponse,
	// split so that a non-2xx answer is always an *APIError, even when its
	// body is not the JSON the spec promises.
	httpResp, err := s.IAM.KeystoneCreateUserTokenByPassword(retry.MarkIdempotent(ctx),
		&iam.KeystoneCreateUserTokenByPasswordParams{Nocatalog: &noCatalog}, body)
	resp, err := parseResponse(op, httpResp, err, iam.ParseKeystoneCreateUserTokenByPasswordResponse)
	if err != nil {
		return Token{}, err
	}
	if resp.Headers201 == nil || resp.Headers201.XSubjectToken == nil || *resp.Headers201.XSubjectToken == "" {
		return Token{}, unusable(op, resp.HTTPResponse, errors.New("no X-Subject-Token header"))
	}
	if resp.JSON201 == nil {
		return Token{}, unusable(op, resp.HTTPResponse, ErrUnexpectedContentType)
	}
	if resp.JSON201.Token == nil || resp.JSON201.Token.ExpiresAt == "" {
		return Token{}, unusable(op, resp.HTTPResponse, errors.New("no token.expires_at in the body"))
	}
	expires, err := time.Parse(time.RFC3339Nano, resp.JSON201.Token.ExpiresAt)
	if err != nil {
		return Token{}, unusable(op, resp.HTTPResponse, fmt.Errorf("token.expires_at: %w", err))
	}
	if !expires.After(s.now()) {
		return Token{}, unusable(op, resp.HTTPResponse, fmt.Errorf("token already expired at %s", expires.Format(time.RFC3339)))
	}
	return Token{Value: secret.New(*resp.Headers201.XSubjectToken), ExpiresAt: expires}, nil
}

// orDefault returns d, or def when d is not positive.
func orDefault(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
