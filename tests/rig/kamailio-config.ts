/**
 * Kamailio 5.6 config for the rig: a loopback WebSocket registrar + proxy that authenticates like
 * uContact's Asterisk (realm "asterisk", HA1 credentials). Adapted from
 * shared/reference/kamailio-ws-registrar.cfg; every request of interest is logged as one
 * `UCT-SIP key=value ...` line so tests can count and inspect them (see kamailio-log.ts).
 */
export interface KamailioConfigInput {
  rundir: string;
  host: string;
  wsPort: number;
  /** TLS WebSocket port; omit to run without TLS. */
  wss?: { port: number; certPath: string; keyPath: string };
  realm: string;
  domains: string[];
  /** user -> HA1 */
  users: Record<string, string>;
  /** dialled request-URI user -> registered user who gets the call ('*' = any unknown user). */
  dialPlan: Record<string, string>;
}

const MODULES = [
  'kex',
  'corex',
  'tm',
  'tmx',
  'sl',
  'rr',
  'pv',
  'maxfwd',
  'textops',
  'siputils',
  'xlog',
  'sanity',
  'ctl',
  'htable',
  'usrloc',
  'registrar',
  'auth',
  'nathelper',
  'xhttp',
  'websocket',
];

/** Kamailio string literal: the values come from tests, keep them from breaking the syntax. */
function quote(value: string): string {
  if (/["\\\r\n]/.test(value)) throw new Error(`kamailio config: unsafe value ${value}`);
  return `"${value}"`;
}

/** htable keys are written bare: allow only what SIP users and dial strings hold. */
function key(value: string): string {
  if (!/^[\w+*#.-]+$/.test(value)) throw new Error(`kamailio config: unsafe key ${value}`);
  return value;
}

export function renderKamailioConfig(c: KamailioConfigInput): string {
  const realm = quote(c.realm);
  const { '*': fallbackUser, ...dialPlan } = c.dialPlan;
  const tls = c.wss
    ? [
        'enable_tls=yes',
        `listen=tls:${c.host}:${c.wss.port}`,
        `loadmodule "tls.so"`,
        `modparam("tls", "certificate", ${quote(c.wss.certPath)})`,
        `modparam("tls", "private_key", ${quote(c.wss.keyPath)})`,
        `modparam("tls", "tls_method", "TLSv1.2+")`,
        `modparam("tls", "verify_certificate", 0)`,
        `modparam("tls", "require_certificate", 0)`,
      ]
    : [];
  const fill = (table: string, entries: Record<string, string>): string =>
    Object.entries(entries)
      .map(([k, v]) => `    $sht(${table}=>${key(k)}) = ${quote(v)};`)
      .join('\n');

  return `#!KAMAILIO
debug=2
log_stderror=yes
children=2
tcp_children=2
auto_aliases=no
listen=tcp:${c.host}:${c.wsPort}
${c.domains.map((d) => `alias=${quote(d)}`).join('\n')}
tcp_accept_no_cl=yes
tcp_connection_lifetime=3605
dns=no
rev_dns=no
use_dns_cache=no

mpath="/usr/lib/x86_64-linux-gnu/kamailio/modules/"
${MODULES.map((m) => `loadmodule "${m}.so"`).join('\n')}
${tls.join('\n')}

modparam("ctl", "binrpc", "unix:${c.rundir}/kamailio_ctl")
modparam("usrloc", "db_mode", 0)
modparam("registrar", "max_expires", 3600)
modparam("nathelper|registrar", "received_avp", "$avp(RECEIVED)")
modparam("htable", "htable", "ha1=>size=4;")
modparam("htable", "htable", "dial=>size=4;")
modparam("htable", "htable", "fault=>size=2;")  # faults injected at run time (kamcmd htable.sets)
modparam("websocket", "keepalive_mechanism", 0)

event_route[htable:mod-init] {
    $var(filled) = 1;  # Kamailio refuses an empty block
${fill('ha1', c.users)}
${fill('dial', dialPlan)}
}

# HTTP on the SIP TCP/TLS sockets: only the WebSocket upgrade on /ws; anything else gets 404,
# which is also the rig's readiness probe.
event_route[xhttp:request] {
    set_reply_close();
    set_reply_no_connect();
    if ($hu =~ "^/ws" && $hdr(Upgrade) =~ "websocket" && $hdr(Connection) =~ "Upgrade" && $rm == "GET") {
        if (ws_handle_handshake()) exit;
    }
    xhttp_reply("404", "Not Found", "", "");
}

request_route {
    route(LOG);
    # Fault injection for resilience tests: REGISTERs answered with a status, or never answered.
    if (is_method("REGISTER") && $sht(fault=>register) != $null) {
        if ($sht(fault=>register) == "timeout") exit;
        $var(code) = $(sht(fault=>register){s.int});
        sl_send_reply("$var(code)", "Injected Fault");
        exit;
    }
    if (!mf_process_maxfwd_header("10")) { sl_send_reply("483", "Too Many Hops"); exit; }
    if (!sanity_check()) exit;

    # WebSocket UAs put "xxx.invalid" in Contact: remember the real connection instead.
    if (nat_uac_test("64")) {
        force_rport();
        if (is_method("REGISTER")) {
            fix_nated_register();
        } else if (!add_contact_alias()) {
            sl_send_reply("400", "Bad Request");
            exit;
        }
    }

    if (has_totag()) {
        if (loose_route()) {
            if ($du == "" && !handle_ruri_alias()) { sl_send_reply("400", "Bad Request"); exit; }
            route(RELAY);
        }
        if (is_method("ACK") && t_check_trans()) route(RELAY);
        if (!is_method("ACK")) sl_send_reply("404", "Not here");
        exit;
    }

    if (is_method("CANCEL")) {
        if (t_check_trans()) route(RELAY);
        exit;
    }
    t_check_trans();

    route(AUTH);

    if (is_method("REGISTER")) {
        if (!save("location")) sl_reply_error();
        exit;
    }

    if ($rU == $null) { sl_send_reply("484", "Address Incomplete"); exit; }
    remove_hf("Route");
    if (is_method("INVITE|SUBSCRIBE")) record_route();

    # Dialled numbers reach a registered test phone; the log keeps the original request-URI user.
    if ($sht(dial=>$rU) != $null) {
        $rU = $sht(dial=>$rU);
    }${
      fallbackUser
        ? ` else if ($sht(ha1=>$rU) == $null) {
        $rU = ${quote(fallbackUser)};
    }`
        : ''
    }

    if (!lookup("location")) { sl_send_reply("404", "Not Found"); exit; }
    route(RELAY);
}

# One line per request for the tests; values are URI users and header values, no secrets.
route[LOG] {
    $var(unregister) = 0;
    if (is_method("REGISTER") && ($hdr(Expires) == "0" || $ct =~ ";expires=0([^0-9]|$)" || $ct == "*")) {
        $var(unregister) = 1;
    }
    $var(dialog) = "new";
    if (has_totag()) $var(dialog) = "in";
    $var(auth) = 0;
    if (is_present_hf("Authorization") || is_present_hf("Proxy-Authorization")) $var(auth) = 1;
    xlog("L_NOTICE", "UCT-SIP method=$rm ruser=$rU tuser=$tU fuser=$fU dialog=$var(dialog) auth=$var(auth) unregister=$var(unregister) expires=$hdr(Expires) callid=$ci proto=$pr at=$TV(Sn)\\n");
}

route[AUTH] {
    $var(ha1) = $sht(ha1=>$au);
    if ($var(ha1) == $null) $var(ha1) = "-";
    if (is_method("REGISTER")) {
        pv_www_authenticate(${realm}, "$var(ha1)", "1");
    } else {
        pv_proxy_authenticate(${realm}, "$var(ha1)", "1");
    }
    $var(rc) = $rc;
    # -2: wrong password. Refuse at once so a bad HA1 does not loop on challenges.
    if ($var(rc) == -2) {
        xlog("L_NOTICE", "UCT-SIP-REPLY method=$rm user=$au code=403\\n");
        sl_send_reply("403", "Wrong credentials");
        exit;
    }
    if ($var(rc) < 0) {
        if (is_method("REGISTER")) www_challenge(${realm}, "0");
        else proxy_challenge(${realm}, "0");
        exit;
    }
    # the authenticated user must own the AOR (To for REGISTER, From otherwise)
    if ((is_method("REGISTER") && $au != $tU) || (!is_method("REGISTER") && $au != $fU)) {
        xlog("L_NOTICE", "UCT-SIP-REPLY method=$rm user=$au code=403\\n");
        sl_send_reply("403", "Forbidden auth ID");
        exit;
    }
    consume_credentials();
}

route[RELAY] {
    if (!t_relay()) sl_reply_error();
    exit;
}

onreply_route {
    if (nat_uac_test("64")) add_contact_alias();
}
`;
}
