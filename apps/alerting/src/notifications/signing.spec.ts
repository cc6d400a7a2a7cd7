import { dingTalkSign, dingTalkSignedUrl, webhookSignature } from './signing';

describe('DingTalk robot signing (加签)', () => {
  // Computed independently: printf '1700000000000\nSECtest123' | openssl dgst -sha256 -hmac SECtest123 -binary | base64
  const expected = 'w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu+Ut1LE48MePE=';

  it('is base64(HmacSHA256(secret, timestamp + "\\n" + secret))', () => {
    expect(dingTalkSign('SECtest123', 1700000000000)).toBe(expected);
  });

  it('appends timestamp and the URL-encoded sign to the robot URL', () => {
    const url = dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 'SECtest123', 1700000000000);
    expect(url).toBe(`https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000&sign=${encodeURIComponent(expected)}`);
    expect(url).toContain('sign=w3RMHXzixTMdzr8OHJUmVLS4IoPJVdu%2BUt1LE48MePE%3D');
  });
});

describe('JSON webhook signature', () => {
  it('is hex HMAC-SHA256 over "<unix seconds>.<body>" with the timestamp in the header', () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec-test -hex
    expect(webhookSignature('whsec-test', 1700000000, '{"a":1}')).toBe('t=1700000000,v1=fed7a1a6c799a6367d73724d76bc70c16678908a32a879cd1ded6565ac05cece');
  });
});
