package huawei_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/docapi/docapi/wrappers/huawei"
	"github.com/docapi/docapi/wrappers/secret"
)

// Credentials as users have them: the environment, then
// ~/.huaweicloud/credentials, then the ECS metadata service, cached and
// renewed before temporary ones expire. Here the file is the source.
func ExampleDefaultCredentials() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, "credentials")
	os.WriteFile(file, []byte("[basic]\nak = HPUAEXAMPLEAK0000009\nsk = example-secret-key\n"), 0o600)
	env := map[string]string{huawei.EnvCredentialsFile: file}

	creds := huawei.DefaultCredentials(func(k string) string { return env[k] })
	cred, err := creds.Retrieve(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cred.AccessKey, cred.SecretKey)
	// Use it as the client's credentials:
	_ = huawei.Config{Region: "cn-north-4", ProjectID: "0123456789abcdef", Credentials: creds}
	// Output: HPUAEXAMPLEAK0000009 [REDACTED]
}

// Derived signing (V11-HMAC-SHA256) scopes the signing key to a day, a
// region and a service.
func ExampleSigner_Sign() {
	req, _ := http.NewRequest(http.MethodGet, "https://iam.cn-north-4.myhuaweicloud.com/v3/projects?name=cn-north-4", nil)
	cred := huawei.Credentials{AccessKey: "HPUAEXAMPLEAK0000009", SecretKey: secret.New("example-secret-key")}
	signer := huawei.Signer{Algorithm: huawei.AlgorithmDerived, Region: "cn-north-4", Service: "iam"}
	if err := signer.Sign(req, nil, cred, time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(req.Header.Get("Authorization"))
	// Output: V11-HMAC-SHA256 Credential=HPUAEXAMPLEAK0000009/20240501/cn-north-4/iam, SignedHeaders=host;x-sdk-date, Signature=778035408e03a8b0238a83e1de7eec361ff22f2193abb86e7b523baa66f5e0d1
}
