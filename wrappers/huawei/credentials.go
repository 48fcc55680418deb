// Package huawei is the runtime of the generated Huawei Cloud clients
// (generated/<service>/<service>api): a Config applied to any of them by
// NewClient, with authentication, retries, typed errors and pagination.
// Authentication is an IAM token (PasswordTokenSource behind
// TokenTransport) or an access key pair signed by SigningTransport with
// SDK-HMAC-SHA256, V11-HMAC-SHA256 or SDK-HMAC-SM3 (Signer). Key pairs come
// as fixed Credentials or from a provider: DefaultCredentials chains the
// environment, the credentials file and the ECS metadata service behind a
// CredentialsCache that renews temporary credentials before they expire.
// Non-2xx answers are *APIError, unusable 2xx answers *ResponseError,
// failed token refreshes *TokenError; none of them shows a secret the
// client holds, whatever the server echoed.
//
// The transports can also be used on their own. Compose them with retrying
// outside authentication, so each attempt is signed (or given a token)
// afresh:
//
//	&retry.Transport{Base: &huawei.SigningTransport{Base: http.DefaultTransport, Credentials: cred}}
package huawei

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/docapi/docapi/wrappers/secret"
)

// Environment variable names, the same as the official SDK's environment
// credential provider reads (huaweicloud-sdk-go-v3 core/auth/provider/env_provider.go).
const (
	EnvAccessKey     = "HUAWEICLOUD_SDK_AK"
	EnvSecretKey     = "HUAWEICLOUD_SDK_SK"
	EnvSecurityToken = "HUAWEICLOUD_SDK_SECURITY_TOKEN"
	EnvProjectID     = "HUAWEICLOUD_SDK_PROJECT_ID"
)

// Credentials are an access key pair, optionally temporary (with a security
// token) and scoped to a project. Printing them never shows the secrets.
type Credentials struct {
	AccessKey string
	SecretKey secret.Value
	// SecurityToken is set for temporary credentials (STS, agency).
	SecurityToken secret.Value
	// ProjectID is sent as X-Project-Id when set.
	ProjectID string
	// ExpiresAt is when temporary credentials stop working; zero means
	// they do not expire. CredentialsCache renews them before then.
	ExpiresAt time.Time
}

// CredentialsProvider supplies credentials per request, so that temporary
// credentials can be refreshed without rebuilding the client.
type CredentialsProvider interface {
	Retrieve(ctx context.Context) (Credentials, error)
}

// Retrieve lets fixed Credentials serve as a CredentialsProvider.
func (c Credentials) Retrieve(context.Context) (Credentials, error) { return c, nil }

// Validate reports missing parts needed to sign.
func (c Credentials) Validate() error {
	var errs []error
	if c.AccessKey == "" {
		errs = append(errs, errors.New("huawei: access key is empty"))
	}
	if c.SecretKey.IsZero() {
		errs = append(errs, errors.New("huawei: secret key is empty"))
	}
	return errors.Join(errs...)
}

// CredentialsFromEnv reads credentials through getenv (os.Getenv in
// production, a map lookup in tests). Errors name the missing variables and
// never contain values.
func CredentialsFromEnv(getenv func(string) string) (Credentials, error) {
	c := Credentials{
		AccessKey:     getenv(EnvAccessKey),
		SecretKey:     secret.New(getenv(EnvSecretKey)),
		SecurityToken: secret.New(getenv(EnvSecurityToken)),
		ProjectID:     getenv(EnvProjectID),
	}
	var missing []error
	if c.AccessKey == "" {
		missing = append(missing, fmt.Errorf("huawei: environment variable %s is not set", EnvAccessKey))
	}
	if c.SecretKey.IsZero() {
		missing = append(missing, fmt.Errorf("huawei: environment variable %s is not set", EnvSecretKey))
	}
	if len(missing) > 0 {
		return Credentials{}, errors.Join(missing...)
	}
	return c, nil
}
