// Prints SDK-HMAC-SHA256 vectors used in sign_test.go (TestSignMatchesNodeSDK),
// computed by the official Node.js SDK signer AKSKSigner.sign of
// @huaweicloud/huaweicloud-sdk-core@3.1.211. Run after
//   npm pack @huaweicloud/huaweicloud-sdk-core@3.1.211 && tar xzf *.tgz && (cd package && npm install --omit=dev)
// as: SDK_CORE=$PWD/package node vectors.js
const { AKSKSigner } = require(process.env.SDK_CORE + '/auth/AKSKSigner.js');
const cred = { getAk: () => 'HPUAEXAMPLEAK0000005', getSk: () => 'exampleSecretKeyDoNotUse0000000000000005' };
const cases = [
  { name: 'node-get-temporary', method: 'GET',
    endpoint: 'https://modelarts.cn-north-4.myhuaweicloud.com/v2/0123456789abcdef/training-jobs',
    queryParams: { limit: '10', marker: 'job a+b', status: ['Running', 'Failed'] },
    headers: { 'X-Sdk-Date': '20240501T120000Z', 'X-Project-Id': '0123456789abcdef', 'X-Security-Token': 'exampleToken+/=' } },
  { name: 'node-delete', method: 'DELETE',
    endpoint: 'https://kms.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef/secrets/db-password',
    queryParams: {},
    headers: { 'X-Sdk-Date': '20240501T120000Z' } },
];
for (const c of cases) {
  const h = AKSKSigner.sign(c, cred);
  console.log(c.name + '\t' + h.Authorization + '\t' + JSON.stringify(h));
}
