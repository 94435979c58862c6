// What every page shares: the sample's getSignature() (POST to the backend's signature
// endpoint, hand data.signature on) and a record of what the SDK answered, for the tests.
"use strict";
window.e2e = { events: [], done: false };

function e2eRecord(kind, value) {
  let copy;
  try {
    // An Error's message and name are not enumerable: copy them by hand.
    const plain = value instanceof Error
      ? Object.assign({ name: value.name, message: value.message }, value)
      : value;
    copy = JSON.parse(JSON.stringify(plain === undefined ? null : plain));
  } catch (error) {
    copy = String(value);
  }
  window.e2e.events.push({ kind: kind, value: copy });
  console.log("e2e " + kind, value);
}

function e2eFinish(kind, value) {
  e2eRecord(kind, value);
  window.e2e.done = true;
  document.body.setAttribute("data-e2e", kind);
}

function e2eArgs() {
  const args = Object.fromEntries(new URLSearchParams(window.location.search));
  args.role = args.role === undefined ? 0 : parseInt(args.role, 10);
  return args;
}

// As in zoom/meetingsdk-web-sample and zoom/videosdk-web-sample: the browser asks its own
// backend, which holds the secret, and passes the answer's `signature` field to join().
async function getSignature(endpoint, body) {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  e2eRecord("endpoint", { status: response.status, fields: Object.keys(data) });
  return data.signature;
}

// The signature the page joins with: the one in the query string, as the sample's
// meeting.html takes it, or else the backend's answer. null when the request failed.
async function e2eSignature(args, endpoint, body) {
  if (args.signature !== undefined) return args.signature;
  try {
    return await getSignature(args.endpoint || endpoint, body);
  } catch (error) {
    e2eFinish("endpoint-error", String(error));
    return null;
  }
}

// The Meeting SDK join options the query string adds (the mix-ups under test).
function e2eJoinOptions(options, args) {
  if (args.zak !== undefined) options.zak = args.zak;
  if (args.obf !== undefined) options.obfToken = args.obf;
  if (args.sdkKey !== undefined) options.sdkKey = args.sdkKey;
  return options;
}
