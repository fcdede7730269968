import fc from 'fast-check';
import { scoreCvssVector, severityOf, type CvssScore } from './cvss';

/**
 * Reference data, vector -> published base score. Sources:
 *
 * [FIRST-3.1] FIRST, "Common Vulnerability Scoring System v3.1: Examples", https://www.first.org/cvss/v3.1/examples
 *   (one entry per example section; the transcription was cross-checked against the test suite of the Rust crate
 *   cvss-rs, repository scm-rs/cvss-rs, path tests/v3_tests.rs, which cites the same section anchors).
 * [FIRST-4.0] FIRST, "Common Vulnerability Scoring System version 4.0: Examples", document version 1.4.1
 *   (2025-04-30), https://www.first.org/cvss/v4.0/examples. Each example also publishes the CVE's CVSS v3.1 base
 *   score, used in the v3.1 table. Scores are taken from each example's score table; for CVE-2016-5729,
 *   CVE-2015-2890, CVE-2018-3652 and CVE-2023-48228 the section heading still shows the pre-v1.3 value, and the
 *   table's corrected value is used.
 */

type Reference = readonly [source: string, vector: string, score: number];

const V3_1_REFERENCES: readonly Reference[] = [
  ['FIRST-3.1 CVE-2013-0375 MySQL stored SQL injection', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
  ['FIRST-3.1 CVE-2014-3566 SSLv3 POODLE', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['FIRST-3.1 CVE-2012-1516 VMware guest to host escape', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['FIRST-3.1 CVE-2009-0783 Apache Tomcat XML parser', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
  ['FIRST-3.1 CVE-2012-0384 Cisco IOS command execution', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H', 7.2],
  ['FIRST-3.1 CVE-2015-1098 Apple iWork denial of service', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['FIRST-3.1 CVE-2009-0658 Adobe Acrobat buffer overflow', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['FIRST-3.1 CVE-2018-18913 Opera DLL search order hijacking', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['FIRST-3.1 CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['FIRST-3.1 CVE-2014-6271 GNU Bash Shellshock', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['FIRST-3.1 CVE-2008-1447 DNS Kaminsky bug', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
  ['FIRST-3.1 CVE-2014-2005 Sophos login screen bypass', 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
  ['FIRST-3.1 CVE-2010-0467 Joomla directory traversal', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
  ['FIRST-3.1 CVE-2012-1342 Cisco access control bypass', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:N/I:L/A:N', 5.8],
  ['FIRST-3.1 CVE-2013-6014 Juniper proxy ARP denial of service', 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:C/C:H/I:N/A:H', 9.3],
  ['FIRST-3.1 CVE-2011-1265 Windows Bluetooth remote code execution', 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['FIRST-3.1 CVE-2014-2019 Apple iOS security control bypass', 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 4.6],
  ['FIRST-3.1 CVE-2015-0970 SearchBlox cross-site request forgery', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
  ['FIRST-3.1 CVE-2016-1645 Chrome PDFium JPEG 2000 code execution', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
  ['FIRST-3.1 CVE-2014-0224 SSL/TLS MITM', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4],
  ['FIRST-3.1 CVE-2012-5376 Chrome sandbox bypass', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6],
  ['FIRST-3.1 CVE-2016-0128 Badlock SAMR/LSAD downgrade', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N', 6.8],
  ['FIRST-3.1 CVE-2016-2118 Badlock SAMR/LSAD downgrade', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.5],
  ['FIRST-3.1 CVE-2019-0884 scripting engine memory corruption (IE 11)', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.5],
  ['FIRST-3.1 CVE-2019-0884 scripting engine memory corruption (Edge)', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N', 4.2],
  ['FIRST-3.1 CVE-2019-7551 Cantemo Portal stored XSS', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:H/I:H/A:H', 9.0],
  ['FIRST-3.1 CVE-2017-5942 WordPress mail plugin reflected XSS', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['FIRST-3.1 CVE-2016-5558 Oracle Outside In code execution', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:L', 8.6],
  ['FIRST-3.1 CVE-2016-5729 Lenovo ThinkPwn', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:H/A:H', 8.2],
  ['FIRST-3.1 CVE-2015-2890 failure to lock flash on resume', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:N/I:H/A:H', 6.0],
  ['FIRST-3.1 CVE-2018-3652 Intel DCI', 'CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 7.6],
  ['FIRST-4.0 CVE-2022-41741 (v3.1 column)', 'CVSS:3.1/AV:L/AC:H/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.0],
  ['FIRST-4.0 CVE-2020-3549 (v3.1 column)', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.1],
  ['FIRST-4.0 CVE-2021-44714 (v3.1 column)', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.3],
  ['FIRST-4.0 CVE-2022-22186 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:N', 7.2],
  ['FIRST-4.0 CVE-2023-21989 (v3.1 column)', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:C/C:H/I:N/A:N', 6.0],
  ['FIRST-4.0 CVE-2020-3947 (v3.1 column)', 'CVSS:3.1/AV:L/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 9.3],
  ['FIRST-4.0 CVE-2023-48228 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N', 7.5],
  ['FIRST-4.0 CVE-2025-31324 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
  ['FIRST-4.0 CVE-2023-30545 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N', 6.5],
  ['FIRST-4.0 CVE-2021-23846 (v3.1 column)', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9],
  ['FIRST-4.0 CVE-2023-22394 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
  ['FIRST-4.0 CVE-2020-0926 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N', 5.4],
  ['FIRST-4.0 CVE-2023-5602 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N', 4.3],
  ['FIRST-4.0 CVE-2022-20759 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['FIRST-4.0 CVE-2021-34724 (v3.1 column)', 'CVSS:3.1/AV:L/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N', 6.0],
  ['FIRST-4.0 CVE-2022-20826 (v3.1 column)', 'CVSS:3.1/AV:P/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.4],
  ['FIRST-4.0 CVE-2021-32570 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:N/A:N', 4.9],
  ['FIRST-4.0 CVE-2024-1233 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L', 7.3],
  ['FIRST-4.0 CVE-2020-10627 (v3.1 column)', 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N', 8.1],
  ['FIRST-4.0 CVE-2023-30911 (v3.1 column)', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:L/A:H', 9.9],
];

/**
 * v4.0 examples whose published score is the base score: base metrics only, plus supplemental metrics (which never
 * change a score) or Exploit Maturity Attacked (the value v4.0 assumes when E is not defined).
 */
const V4_0_REFERENCES: readonly Reference[] = [
  ['FIRST-4.0 CVE-2022-41741 NGINX mp4 module', 'CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.3],
  ['FIRST-4.0 CVE-2020-3549 Cisco FMC sftunnel (base row)', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.7],
  ['FIRST-4.0 CVE-2023-3089 OpenShift FIPS (base row)', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N', 8.3],
  ['FIRST-4.0 CVE-2021-44714 Acrobat Reader warning bypass', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N', 4.6],
  ['FIRST-4.0 CVE-2022-21830 RocketChat blind self XSS', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
  ['FIRST-4.0 CVE-2022-22186 Junos EX4650 forwarding', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 6.9],
  ['FIRST-4.0 CVE-2023-21989 VirtualBox', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:N/VI:N/VA:N/SC:H/SI:N/SA:N', 5.9],
  ['FIRST-4.0 CVE-2020-3947 VMware vmnetdhcp', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H', 9.4],
  ['FIRST-4.0 CVE-2023-48228 authentik PKCE', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:H/VA:N/SC:H/SI:H/SA:H', 9.3],
  ['FIRST-4.0 CVE-2023-30560 BD infusion PCU (safety)', 'CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:H/SA:N/S:P/V:D', 8.3],
  ['FIRST-4.0 CVE-2025-31324 SAP NetWeaver (KEV)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:A', 10.0],
  ['FIRST-4.0 CVE-2014-0160 OpenSSL Heartbleed', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N/E:A', 8.7],
  ['FIRST-4.0 CVE-2021-44228 Log4Shell', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A', 9.3],
  ['FIRST-4.0 CVE-2014-6271 GNU Bash Shellshock', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A', 9.3],
  ['FIRST-4.0 CVE-2013-6014 Juniper proxy ARP', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:H/SI:N/SA:H', 6.4],
  ['FIRST-4.0 CVE-2016-5729 Lenovo ThinkPwn', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/R:I', 8.4],
  ['FIRST-4.0 CVE-2015-2890 failure to lock flash on resume', 'CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/R:I', 7.1],
  ['FIRST-4.0 CVE-2018-3652 Intel DCI', 'CVSS:4.0/AV:P/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.0],
  ['FIRST-4.0 CVE-2023-30545 PrestaShop SQL injection', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 7.1],
  ['FIRST-4.0 CVE-2021-23846 Bosch cleartext HTTP', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.2],
  ['FIRST-4.0 CVE-2023-22394 Junos SIP memory leak (base row)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:L', 8.7],
  ['FIRST-4.0 CVE-2022-24682 Zimbra reflected XSS', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
  ['FIRST-4.0 CVE-2022-24682 variation 1 (vulnerable system impact)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:L/VI:L/VA:N/SC:L/SI:L/SA:N', 5.1],
  ['FIRST-4.0 CVE-2020-0926 SharePoint stored XSS', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:P/VC:N/VI:N/VA:N/SC:L/SI:L/SA:N', 5.1],
  ['FIRST-4.0 CVE-2024-55228 Dolibarr XSS expanded impact', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:A/VC:H/VI:H/VA:H/SC:L/SI:L/SA:N', 8.5],
  ['FIRST-4.0 CVE-2023-5602 WordPress CSRF', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:A/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N', 5.1],
  ['FIRST-4.0 CVE-2022-20759 Cisco ASA privilege escalation', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 7.7],
  ['FIRST-4.0 CVE-2021-34724 IOS XE SD-WAN (base row)', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N', 8.3],
  ['FIRST-4.0 CVE-2023-28311 Microsoft Word code execution', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 8.5],
  ['FIRST-4.0 CVE-2022-22965 Spring4Shell', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A', 9.2],
  ['FIRST-4.0 CVE-2022-20826 Cisco secure boot bypass', 'CVSS:4.0/AV:P/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 5.4],
  ['FIRST-4.0 CVE-2022-21500 Oracle E-Business Suite', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 8.7],
  ['FIRST-4.0 CVE-2021-32570 Ericsson ENM log disclosure', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:H/UI:N/VC:H/VI:N/VA:N/SC:N/SI:N/SA:N', 6.9],
  ['FIRST-4.0 CVE-2022-26134 Confluence OGNL injection', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 9.3],
  ['FIRST-4.0 CVE-2023-20245 Cisco ASA ACL bypass', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N', 6.9],
  ['FIRST-4.0 CVE-2023-20245 variation 1 (downstream impact)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:L/SI:N/SA:H', 7.8],
  ['FIRST-4.0 CVE-2024-1233 JBoss EAP SSRF', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:L/VA:N/SC:L/SI:L/SA:L', 6.9],
  ['FIRST-4.0 CVE-2023-28728 Panasonic FPWIN (ICS)', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/S:P', 8.5],
  ['FIRST-4.0 CVE-2022-47379 CODESYS (OT)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/S:P/AU:Y/V:C/RE:L', 9.4],
  ['FIRST-4.0 CVE-2020-10627 Omnipod insulin pump (base row)', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/S:P', 8.6],
  ['FIRST-4.0 CVE-2020-28196 MIT Kerberos (value density)', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N/V:C', 8.7],
  ['FIRST-4.0 CVE-2023-20048 Cisco FMC', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:H/SI:L/SA:H', 6.4],
  ['FIRST-4.0 CVE-2023-30911 HPE iLO', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:H/SI:L/SA:H', 6.4],
];

/**
 * [FIRST-4.0] examples that publish both a base row and a threat/environmental row: the base score must match the
 * base row, whatever the vector adds (the published BT/BTE score is noted for contrast).
 */
const V4_0_ENRICHED_REFERENCES: readonly [source: string, vector: string, baseScore: number, enrichedScore: number, unscored: readonly string[]][] = [
  ['CVE-2020-3549', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:P/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U', 7.7, 5.2, ['E']],
  [
    'CVE-2023-3089',
    'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:L/VA:L/SC:N/SI:N/SA:N/CR:H/IR:L/AR:L/MAV:N/MAC:H/MVC:H/MVI:L/MVA:L',
    8.3,
    8.1,
    ['CR', 'IR', 'AR', 'MAV', 'MAC', 'MVC', 'MVI', 'MVA'],
  ],
  ['CVE-2023-22394', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:H/SC:N/SI:N/SA:L/E:U', 8.7, 6.6, ['E']],
  ['CVE-2021-34724', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:H/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/E:U', 8.3, 5.6, ['E']],
  ['CVE-2020-10627', 'CVSS:4.0/AV:A/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N/MSI:S/S:P', 8.6, 9.7, ['MSI']],
  ['CVE-2023-20245', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:L/SA:N/E:U/CR:L/IR:L/AR:L', 6.9, 2.7, ['E', 'CR', 'IR', 'AR']],
  ['CVE-2023-20048', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:N/VA:N/SC:H/SI:L/SA:H/E:U/MAV:A/R:U/V:C', 6.4, 2.4, ['E', 'MAV']],
];

const expectScore = (vector: string): CvssScore => {
  const result = scoreCvssVector(vector);
  if (!result.ok) throw new Error(`expected ${vector} to score, got ${result.error.message}`);
  return result.value;
};

/** The qualitative scale written out independently of severityOf, so the two can disagree. */
const expectedSeverity = (score: number): string =>
  score === 0 ? 'none' : score <= 3.9 ? 'low' : score <= 6.9 ? 'medium' : score <= 8.9 ? 'high' : 'critical';

describe('scoreCvssVector against published reference scores', () => {
  it('has at least 30 references per version', () => {
    expect(V3_1_REFERENCES.length).toBeGreaterThanOrEqual(30);
    expect(V4_0_REFERENCES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(V3_1_REFERENCES)('v3.1 %s: %s -> %d', (_source, vector, published) => {
    const score = expectScore(vector);
    expect(score).toMatchObject({ version: '3.1', baseScore: published, vector });
    expect(score.severity).toBe(expectedSeverity(published));
  });

  it.each(V4_0_REFERENCES)('v4.0 %s: %s -> %d', (_source, vector, published) => {
    const score = expectScore(vector);
    expect(score).toMatchObject({ version: '4.0', baseScore: published });
    expect(score.severity).toBe(expectedSeverity(published));
  });

  it.each(V4_0_ENRICHED_REFERENCES)(
    'v4.0 %s: the base score ignores threat and environmental metrics (%s -> base %d, not %d)',
    (_source, vector, base, enriched, unscored) => {
      const score = expectScore(vector);
      expect(score.baseScore).toBe(base);
      expect(score.baseScore).not.toBe(enriched);
      expect(score.unscoredMetrics).toEqual(unscored);
    },
  );
});

describe('scoreCvssVector normalisation', () => {
  it.each([
    ['surrounding whitespace is trimmed', '  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H \n', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['metrics are put in specification order', 'CVSS:3.1/S:U/AV:N/AC:L/PR:N/UI:N/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'],
    ['not-defined (X) metrics are dropped', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:O/RC:X', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/RL:O'],
    [
      'v4.0 supplemental metrics follow environmental ones',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/U:Red/E:U/MSI:S',
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U/MSI:S/U:Red',
    ],
  ])('%s', (_label, input, normalised) => {
    expect(expectScore(input).vector).toBe(normalised);
  });

  it.each([
    [0, 'none'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10.0, 'critical'],
  ])('severity of %d is %s', (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });
});

describe('scoreCvssVector refusals', () => {
  it.each([
    ['an empty string', '', 'RISK.CVSS_INVALID_VECTOR', 'No CVSS vector'],
    ['garbage', 'not a vector', 'RISK.CVSS_INVALID_VECTOR', 'must begin with CVSS:3.1/ or CVSS:4.0/'],
    ['a lower-case prefix', 'cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'must begin with'],
    ['a prefix without metrics', 'CVSS:3.1', 'RISK.CVSS_INVALID_VECTOR', 'must begin with'],
    ['a non-numeric version', 'CVSS:x/AV:N', 'RISK.CVSS_INVALID_VECTOR', 'does not name a CVSS version'],
    ['a CVSS 3.0 vector', 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_UNSUPPORTED_VERSION', 'CVSS 3.0 vector'],
    ['a CVSS 2.0-prefixed vector', 'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P', 'RISK.CVSS_UNSUPPORTED_VERSION', 'CVSS 2.0 vector'],
    ['a bare CVSS v2 vector', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 'RISK.CVSS_UNSUPPORTED_VERSION', 'CVSS v2 vector'],
    ['a parenthesised CVSS v2 vector', '(AV:N/AC:L/Au:N/C:P/I:P/A:P)', 'RISK.CVSS_UNSUPPORTED_VERSION', 'CVSS v2 vector'],
    ['a missing base metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'RISK.CVSS_INVALID_VECTOR', 'missing base metric(s) A (Availability)'],
    ['only the prefix', 'CVSS:4.0/', 'RISK.CVSS_INVALID_VECTOR', 'missing base metric(s) AV (Attack Vector), AC (Attack Complexity)'],
    ['an unknown metric value', 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'AV (Attack Vector) must be one of N, A, L, P, not "Q"'],
    ['X for a base metric', 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'AV (Attack Vector) must be one of'],
    ['a lower-case value', 'CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'not "n"'],
    ['an unknown metric', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:H', 'RISK.CVSS_INVALID_VECTOR', '"ZZ" is not a CVSS 3.1 metric'],
    ['a v4.0 metric in a v3.1 vector', 'CVSS:3.1/AV:N/AC:L/AT:N/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', '"AT" is not a CVSS 3.1 metric'],
    ['a v3.1 vector labelled 4.0', 'CVSS:4.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'S (Safety) must be one of X, N, P, not "U"'],
    ['a repeated metric', 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', 'AV (Attack Vector) is given more than once'],
    ['a stray slash', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/', 'RISK.CVSS_INVALID_VECTOR', 'stray'],
    ['a segment that is not a pair', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E', 'RISK.CVSS_INVALID_VECTOR', '"E" is not a METRIC:VALUE pair'],
    ['a segment with two colons', 'CVSS:3.1/AV:N:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'RISK.CVSS_INVALID_VECTOR', '"AV:N:L" is not a METRIC:VALUE pair'],
  ])('refuses %s', (_label, vector, code, fragment) => {
    const result = scoreCvssVector(vector);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(fragment);
  });

  it('lists every problem at once', () => {
    const result = scoreCvssVector('CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/ZZ:1');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('AV (Attack Vector) must be one of');
    expect(result.error.message).toContain('"ZZ" is not a CVSS 3.1 metric');
    expect(result.error.message).toContain('missing base metric(s) I (Integrity), A (Availability)');
  });
});

const pick = (values: string) => fc.constantFrom(...values.split(' '));

/** v3.1 specification Table 15, written out here independently of cvss.ts. */
const V3_1_BASE = { AV: pick('N A L P'), AC: pick('L H'), PR: pick('N L H'), UI: pick('N R'), S: pick('U C'), C: pick('H L N'), I: pick('H L N'), A: pick('H L N') };
const V3_1_OPTIONAL = {
  E: pick('X H F P U'),
  RL: pick('X U W T O'),
  RC: pick('X C R U'),
  CR: pick('X H M L'),
  IR: pick('X H M L'),
  AR: pick('X H M L'),
  MAV: pick('X N A L P'),
  MAC: pick('X L H'),
  MPR: pick('X N L H'),
  MUI: pick('X N R'),
  MS: pick('X U C'),
  MC: pick('X H L N'),
  MI: pick('X H L N'),
  MA: pick('X H L N'),
};

/** Any syntactically valid v3.1 vector: every base metric, any subset of the others, in any order. */
const validV3_1Vector = fc
  .tuple(fc.record(V3_1_BASE), fc.record(V3_1_OPTIONAL, { requiredKeys: [] }))
  .chain(([base, optional]) => fc.shuffledSubarray(Object.entries({ ...base, ...optional }), { minLength: Object.keys({ ...base, ...optional }).length }))
  .map((entries) => `CVSS:3.1/${entries.map(([key, value]) => `${key}:${value}`).join('/')}`);

const V4_0_BASE = {
  AV: pick('N A L P'),
  AC: pick('L H'),
  AT: pick('N P'),
  PR: pick('N L H'),
  UI: pick('N P A'),
  VC: pick('H L N'),
  VI: pick('H L N'),
  VA: pick('H L N'),
  SC: pick('H L N'),
  SI: pick('H L N'),
  SA: pick('H L N'),
};

describe('scoreCvssVector properties', () => {
  it('scores any valid v3.1 vector within 0-10, to one decimal, with the matching severity', () => {
    fc.assert(
      fc.property(validV3_1Vector, (vector) => {
        const score = expectScore(vector);
        expect(score.baseScore).toBeGreaterThanOrEqual(0);
        expect(score.baseScore).toBeLessThanOrEqual(10);
        expect(Number(score.baseScore.toFixed(1))).toBe(score.baseScore);
        expect(score.severity).toBe(expectedSeverity(score.baseScore));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same score whatever the metric order and optional metrics', () => {
    fc.assert(
      fc.property(validV3_1Vector, (vector) => {
        const score = expectScore(vector);
        expect(expectScore(score.vector)).toEqual(score);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a valid vector with any one base metric removed, naming that metric', () => {
    fc.assert(
      fc.property(fc.record(V3_1_BASE), fc.constantFrom(...Object.keys(V3_1_BASE)), (base, dropped) => {
        const vector = `CVSS:3.1/${Object.entries(base)
          .filter(([key]) => key !== dropped)
          .map(([key, value]) => `${key}:${value}`)
          .join('/')}`;
        const result = scoreCvssVector(vector);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.message).toContain(`missing base metric(s) ${dropped} (`);
      }),
    );
  });

  it('scores any valid v4.0 base vector within 0-10 with the matching severity', () => {
    fc.assert(
      fc.property(fc.record(V4_0_BASE), (base) => {
        const score = expectScore(`CVSS:4.0/${Object.entries(base).map(([key, value]) => `${key}:${value}`).join('/')}`);
        expect(score.baseScore).toBeGreaterThanOrEqual(0);
        expect(score.baseScore).toBeLessThanOrEqual(10);
        expect(Number(score.baseScore.toFixed(1))).toBe(score.baseScore);
        expect(score.severity).toBe(expectedSeverity(score.baseScore));
      }),
      { numRuns: 300 },
    );
  });
});
