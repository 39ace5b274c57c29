// Free-mail, ISP and throwaway mail domains: an address there says nothing about the company
// behind it, so such a domain never qualifies for automatic approval of attestation requests
// (lib/attestations/auto-approval.ts) and cannot be put on a tenant's auto-approval list.
// Not exhaustive; a tenant's reviewers still decide every request that is not auto-approved.
// 404 domains.

export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "gmail.com", "googlemail.com", "yahoo.com", "yahoo.de", "yahoo.co.uk", "yahoo.fr", "yahoo.es",
  "yahoo.it", "yahoo.ca", "yahoo.com.au", "yahoo.co.in", "yahoo.co.jp", "yahoo.com.br", "yahoo.com.mx",
  "yahoo.com.ar", "yahoo.at", "yahoo.ch", "yahoo.nl", "yahoo.se", "yahoo.dk", "yahoo.no", "yahoo.fi",
  "yahoo.gr", "yahoo.ie", "yahoo.pl", "yahoo.ro", "yahoo.co.nz", "yahoo.com.sg", "yahoo.com.hk",
  "yahoo.com.tw", "yahoo.co.id", "yahoo.com.ph", "yahoo.com.vn", "yahoo.co.th", "ymail.com", "rocketmail.com",
  "outlook.com", "outlook.de", "outlook.fr", "outlook.es", "outlook.it", "outlook.at", "outlook.be",
  "outlook.co.uk", "outlook.com.au", "outlook.jp", "outlook.kr", "outlook.sa", "outlook.dk", "outlook.ie",
  "outlook.cl", "outlook.com.ar", "outlook.com.br", "outlook.cz", "outlook.pt", "outlook.com.gr",
  "hotmail.com", "hotmail.de", "hotmail.co.uk", "hotmail.fr", "hotmail.es", "hotmail.it", "hotmail.nl",
  "hotmail.be", "hotmail.ca", "hotmail.com.au", "hotmail.com.br", "hotmail.com.ar", "hotmail.com.mx",
  "hotmail.dk", "hotmail.se", "hotmail.no", "hotmail.fi", "hotmail.gr", "hotmail.ch", "hotmail.at",
  "hotmail.co.jp", "hotmail.co.nz", "hotmail.co.za", "hotmail.rs", "hotmail.hu", "hotmail.cz", "hotmail.sk",
  "hotmail.com.tr", "live.com", "live.de", "live.co.uk", "live.fr", "live.it", "live.nl", "live.be",
  "live.ca", "live.com.au", "live.at", "live.ch", "live.dk", "live.se", "live.no", "live.ie", "live.com.mx",
  "live.com.ar", "live.cl", "live.jp", "live.ru", "live.com.pt", "msn.com", "passport.com", "windowslive.com",
  "icloud.com", "me.com", "mac.com", "aol.com", "aol.de", "aol.co.uk", "aol.fr", "aim.com", "love.com",
  "games.com", "wow.com", "ygm.com", "protonmail.com", "protonmail.ch", "proton.me", "pm.me", "tutanota.com",
  "tutanota.de", "tutamail.com", "tuta.io", "tuta.com", "keemail.me", "gmx.de", "gmx.net", "gmx.at", "gmx.ch",
  "gmx.com", "gmx.us", "gmx.co.uk", "gmx.fr", "gmx.es", "gmx.it", "gmx.eu", "gmx.info", "gmx.org", "gmx.biz",
  "web.de", "email.de", "t-online.de", "magenta.de", "freenet.de", "arcor.de", "vodafone.de", "kabelmail.de",
  "unitybox.de", "online.de", "onlinehome.de", "posteo.de", "posteo.net", "posteo.at", "posteo.ch",
  "posteo.eu", "posteo.org", "mailbox.org", "1und1.de", "1und1.com", "yandex.com", "yandex.ru", "yandex.ua",
  "yandex.by", "yandex.kz", "ya.ru", "mail.ru", "bk.ru", "inbox.ru", "list.ru", "internet.ru", "rambler.ru",
  "lenta.ru", "autorambler.ru", "myrambler.ru", "ro.ru", "mail.com", "email.com", "usa.com", "post.com",
  "consultant.com", "engineer.com", "europe.com", "myself.com", "cheerful.com", "techie.com", "writeme.com",
  "dr.com", "asia.com", "iname.com", "zoho.com", "zohomail.com", "zohomail.eu", "zoho.eu", "fastmail.com",
  "fastmail.fm", "fastmail.net", "fastmail.org", "fastmail.to", "fastmail.us", "fastmail.de",
  "messagingengine.com", "hushmail.com", "hush.com", "hush.ai", "runbox.com", "mailfence.com", "disroot.org",
  "riseup.net", "startmail.com", "ctemplar.com", "lavabit.com", "seznam.cz", "email.cz", "post.cz",
  "centrum.cz", "atlas.cz", "volny.cz", "wp.pl", "o2.pl", "onet.pl", "onet.eu", "op.pl", "interia.pl",
  "interia.eu", "poczta.fm", "tlen.pl", "gazeta.pl", "vp.pl", "libero.it", "virgilio.it", "tiscali.it",
  "alice.it", "tin.it", "email.it", "inwind.it", "iol.it", "orange.fr", "wanadoo.fr", "free.fr",
  "laposte.net", "sfr.fr", "neuf.fr", "bbox.fr", "club-internet.fr", "aliceadsl.fr", "numericable.fr",
  "telefonica.net", "terra.es", "ya.com", "sapo.pt", "bluewin.ch", "hispeed.ch", "sunrise.ch", "chello.at",
  "aon.at", "skynet.be", "telenet.be", "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "home.nl",
  "hetnet.nl", "casema.nl", "zonnet.nl", "telia.com", "telia.se", "bredband.net", "spray.se", "online.no",
  "luukku.com", "suomi24.fi", "btinternet.com", "btopenworld.com", "talktalk.net", "sky.com",
  "virginmedia.com", "blueyonder.co.uk", "ntlworld.com", "tiscali.co.uk", "comcast.net", "verizon.net",
  "att.net", "sbcglobal.net", "bellsouth.net", "cox.net", "charter.net", "earthlink.net", "optonline.net",
  "frontier.com", "juno.com", "netzero.net", "netzero.com", "roadrunner.com", "rr.com", "windstream.net",
  "centurylink.net", "shaw.ca", "rogers.com", "sympatico.ca", "telus.net", "videotron.ca", "bigpond.com",
  "bigpond.net.au", "optusnet.com.au", "iinet.net.au", "xtra.co.nz", "qq.com", "foxmail.com", "163.com",
  "126.com", "yeah.net", "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com",
  "naver.com", "hanmail.net", "daum.net", "nate.com", "kakao.com", "yahoo.co.kr", "rediffmail.com",
  "indiatimes.com", "uol.com.br", "bol.com.br", "terra.com.br", "ig.com.br", "globo.com", "globomail.com",
  "prodigy.net.mx", "walla.co.il", "inbox.lv", "inbox.lt", "mail.ee", "abv.bg", "freemail.hu", "citromail.hu",
  "ukr.net", "i.ua", "meta.ua", "mail.bg", "rediff.com", "lycos.com", "lycos.de", "excite.com",
  "netscape.net", "gawab.com", "safe-mail.net", "cock.li", "guerrillamail.com", "guerrillamail.net",
  "guerrillamail.org", "guerrillamailblock.com", "sharklasers.com", "grr.la", "mailinator.com",
  "mailinator.net", "10minutemail.com", "10minutemail.net", "temp-mail.org", "tempmail.com", "tempmailo.com",
  "throwawaymail.com", "trashmail.com", "trashmail.de", "trashmail.net", "yopmail.com", "yopmail.fr",
  "yopmail.net", "dispostable.com", "maildrop.cc", "getnada.com", "nada.email", "mohmal.com",
  "emailondeck.com", "mailnesia.com", "mintemail.com", "spamgourmet.com", "spambox.us", "discard.email",
  "fakeinbox.com", "tempinbox.com", "mytemp.email", "mail.de", "emailn.de", "arcor.net", "outlook.in",
  "hotmail.in", "yahoo.in", "yahoo.com.my", "yahoo.co.za", "gmail.de", "hey.com", "duck.com", "skiff.com",
]);

/** Exact domain, case-insensitive, without a trailing dot. */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.trim().toLowerCase().replace(/\.+$/, ""));
}
