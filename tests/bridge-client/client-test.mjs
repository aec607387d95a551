// SPDX-FileCopyrightText: 2026 The Herald authors
// SPDX-License-Identifier: GPL-3.0-or-later

// The SMS Gateway for Android npm client (android-sms-gateway@3) against
// `heraldctl bridge serve`: node client-test.mjs BASE_URL LOGIN PASSWORD
// NUMBER TEXT. Exits 0 when every call answered as the app would; the C test
// (test-bridge-android.c, /bridge/android/npm-client) checks the mock
// modem's own record that the message went out once.

import assert from 'node:assert/strict';
import Client from 'android-sms-gateway';

const [baseUrl, login, password, number, text] = process.argv.slice(2);

// The client takes any object with get/post/put/patch/delete: one on fetch.
async function request (method, url, body, headers) {
  const response = await fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.text();
  if (!response.ok)
    throw new Error(`${method} ${url} answered ${response.status}: ${answer}`);
  return answer.length > 0 ? JSON.parse(answer) : undefined;
}

const httpClient = {
  get: (url, headers) => request('GET', url, undefined, headers),
  post: (url, body, headers) => request('POST', url, body, headers),
  put: (url, body, headers) => request('PUT', url, body, headers),
  patch: (url, body, headers) => request('PATCH', url, body, headers),
  delete: (url, headers) => request('DELETE', url, undefined, headers),
};

const client = new (Client.Client ?? Client)(login, password, httpClient, baseUrl);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const health = await client.getHealth();
assert.equal(health.status, 'pass');

const devices = await client.getDevices();
assert.ok(Array.isArray(devices) && devices.length === 2, JSON.stringify(devices));

const accepted = await client.send({ message: text, phoneNumbers: [number] });
assert.equal(accepted.recipients[0].phoneNumber, number);
let state = await client.getState(accepted.id);
for (let i = 0; i < 600 && state.state !== 'Sent'; i++) {
  await sleep(50);
  state = await client.getState(accepted.id);
}
assert.equal(state.state, 'Sent');

const hook = await client.registerWebhook({ id: 'npm-hook', url: 'http://127.0.0.1:9/hook', event: 'sms:sent' });
assert.equal(hook.id, 'npm-hook');
assert.equal(hook.event, 'sms:sent');
assert.ok((await client.getWebhooks()).some((w) => w.id === 'npm-hook'));
await client.deleteWebhook('npm-hook');
assert.ok(!(await client.getWebhooks()).some((w) => w.id === 'npm-hook'));

const now = Date.now();
const exported = await client.exportInbox({
  deviceId: devices[0].id, since: new Date(now - 3600e3), until: new Date(now + 3600e3),
});
assert.equal(typeof exported.count, 'number');

const logs = await client.getLogs(new Date(now - 3600e3), new Date(now + 3600e3));
assert.ok(logs.some((entry) => entry.message.includes('POST /message')), JSON.stringify(logs));

const settings = await client.getSettings();
assert.equal(settings.messages.limitPeriod, 'Disabled');
const patched = await client.patchSettings({ messages: { limitPeriod: 'PerDay', limitValue: 1000 } });
assert.equal(patched.messages.limitValue, 1000);
await assert.rejects(client.patchSettings({ gateway: { cloudUrl: 'https://example.invalid' } }), /400/);

console.log('npm client: all calls answered');
