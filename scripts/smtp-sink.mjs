#!/usr/bin/env node
// A test SMTP server ("sink") built on smtp-server (from package-lock.json): receives messages and writes each one,
// raw, as a .eml file into a directory (written to a temporary name, then renamed, so a reader never sees half a file).
// Prints the port it listens on as the first line of stdout, then "ready".
//
//   node scripts/smtp-sink.mjs --dir DIR [--port 0] [--host 127.0.0.1]
//        [--tls-cert cert.pem --tls-key key.pem]   STARTTLS with this certificate (without: no STARTTLS)
//        [--secure]                                 TLS from the first byte (port-465 style; needs the cert and key)
//        [--user NAME --password SECRET]            require AUTH (PLAIN or LOGIN); other credentials get 535
//        [--reject-first N --reject-code 451 [--reject-to ADDRESS]]
//                                                   refuse the first N messages (to ADDRESS only, when given) at the
//                                                   end of DATA with this code
//        [--refuse-rcpt ADDRESS --refuse-code 550]  refuse this recipient at RCPT TO, always
//        [--dedupe-message-id]                      an idempotent receiver: a message whose Message-ID was already
//                                                   delivered is accepted (250) but not delivered again; it is kept
//                                                   as <sequence>-<random>.resend (raw) so a test can count re-sends
//                                                   and compare them with the first copy
//
// Each file is named <sequence>-<random>.eml; a sidecar <same>.json holds the envelope (from, to, user).
import { SMTPServer } from 'smtp-server';
import { randomBytes } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const option = (name, fallback = undefined) => {
  const at = args.indexOf('--' + name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const flag = (name) => args.includes('--' + name);

const dir = option('dir');
if (!dir) {
  console.error('smtp-sink: --dir is required');
  process.exit(2);
}
mkdirSync(dir, { recursive: true });

const certPath = option('tls-cert');
const keyPath = option('tls-key');
const secure = flag('secure');
if (secure && !(certPath && keyPath)) {
  console.error('smtp-sink: --secure needs --tls-cert and --tls-key');
  process.exit(2);
}
const user = option('user');
const password = option('password', '');
let rejectLeft = Number(option('reject-first', '0'));
const rejectCode = Number(option('reject-code', '451'));
const rejectTo = option('reject-to')?.toLowerCase();
const refuseRcpt = option('refuse-rcpt')?.toLowerCase();
const refuseCode = Number(option('refuse-code', '550'));
const dedupe = flag('dedupe-message-id');
const delivered = new Set();
let sequence = 0;

// The Message-ID header of a raw message (header section only, folded lines joined), or null.
const messageIdOf = (raw) => {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = (end < 0 ? text : text.slice(0, end)).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => /^message-id\s*:/i.test(l));
  return line ? line.slice(line.indexOf(':') + 1).trim() : null;
};

const refusal = (message, code) => {
  const error = new Error(message);
  error.responseCode = code;
  return error;
};

const server = new SMTPServer({
  secure,
  key: keyPath ? readFileSync(keyPath) : undefined,
  cert: certPath ? readFileSync(certPath) : undefined,
  hideSTARTTLS: secure || !certPath,
  authOptional: !user,
  disabledCommands: user ? [] : ['AUTH'],
  authMethods: ['PLAIN', 'LOGIN'],
  logger: false,
  banner: 'Loopwise test sink',
  size: 25 * 1024 * 1024,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) {
      callback(null, { user: auth.username });
    } else {
      callback(refusal('Authentication credentials invalid', 535));
    }
  },
  onRcptTo(address, session, callback) {
    if (refuseRcpt && address.address.toLowerCase() === refuseRcpt) {
      callback(refusal(`5.1.1 <${address.address}>: mailbox unavailable (sink refuses this recipient)`, refuseCode));
      return;
    }
    callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', (error) => callback(error));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      if (rejectLeft > 0 && (!rejectTo || to.includes(rejectTo))) {
        rejectLeft--;
        callback(refusal(`4.3.0 sink told to refuse this message (${rejectLeft} more to refuse)`, rejectCode));
        return;
      }
      const raw = Buffer.concat(chunks);
      const messageId = dedupe ? messageIdOf(raw) : null;
      const resend = messageId !== null && delivered.has(messageId);
      if (messageId !== null) {
        delivered.add(messageId);
      }
      const name = `${String(++sequence).padStart(6, '0')}-${randomBytes(6).toString('hex')}`;
      const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null, to, user: session.user ?? null, secure: session.secure };
      const extension = resend ? 'resend' : 'eml';
      writeFileSync(join(dir, `.${name}.json.tmp`), JSON.stringify(envelope));
      renameSync(join(dir, `.${name}.json.tmp`), join(dir, `${name}.json`));
      writeFileSync(join(dir, `.${name}.${extension}.tmp`), raw);
      renameSync(join(dir, `.${name}.${extension}.tmp`), join(dir, `${name}.${extension}`));
      callback(null, resend ? `2.0.0 OK: ${messageId} already delivered, not delivered again (${name})` : `2.0.0 OK: queued as ${name}`);
    });
  },
});

server.on('error', (error) => console.error('smtp-sink:', error.message));
server.listen(Number(option('port', '0')), option('host', '127.0.0.1'), () => {
  console.log(String(server.server.address().port));
  console.log('ready');
});

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The test process owns us: when it closes our stdin (or dies), stop.
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
