/**
 * The console's one stylesheet: system fonts, a single column under 700 px (readable at 390 px),
 * visible focus rings, and colours that keep 4.5:1 contrast.
 */
export const CONSOLE_STYLESHEET = `
:root{--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#fff;--panel:#f6f8fa;--accent:#0b5cad;--bad:#a40e26;--good:#116329}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
:focus-visible{outline:3px solid #f0b400;outline-offset:2px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:.6rem 1rem;background:#16202c;color:#fff}
header a{color:#fff}
.brand{font-weight:700;font-size:1.1rem;margin-right:auto}
.tenant{font-size:.85rem;color:#c9d1d9}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem .9rem;list-style:none;margin:0;padding:0}
nav a{text-decoration:none;padding:.2rem 0;border-bottom:2px solid transparent}
nav a[aria-current=page]{border-bottom-color:#f0b400}
header form{margin:0}
header button{background:transparent;color:#fff;border:1px solid #8b949e}
main{max-width:1100px;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
.table-wrap{overflow-x:auto}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--panel)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.88em;word-break:break-all}
label{display:block;font-weight:600;margin:.6rem 0 .2rem}
.hint{display:block;font-weight:400;color:var(--muted);font-size:.85rem}
caption{caption-side:top;text-align:left;color:var(--muted);font-size:.85rem;padding:.2rem 0}
label.check{font-weight:400}
input[type=text],input[type=search],input[type=password],input[type=number],input[type=datetime-local],select,textarea{font:inherit;padding:.45rem .5rem;border:1px solid #8c959f;border-radius:4px;width:100%;max-width:32rem}
button,.button{font:inherit;padding:.45rem .9rem;border-radius:4px;border:1px solid var(--accent);background:var(--accent);color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.danger{background:var(--bad);border-color:var(--bad)}
.secondary{background:#fff;color:var(--accent)}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
form.row{margin-bottom:1.2rem}
.row>div{flex:1 1 12rem}
.notice{padding:.6rem .8rem;border-radius:4px;border:1px solid var(--line);background:var(--panel);margin:1rem 0}
.notice.error{border-color:var(--bad);color:var(--bad);background:#fff5f5}
.notice.ok{border-color:var(--good);color:var(--good);background:#f3fff5}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.6rem;margin:0 0 1rem;padding:0;list-style:none}
.figures li{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem}
.figures strong{display:block;font-size:1.4rem}
.chart{position:relative;height:300px;margin:.5rem 0}
.charts{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2rem}
.charts>section{min-width:0}
@media (min-width:900px){.charts.two{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
details{margin:.3rem 0 1rem}summary{cursor:pointer;color:var(--accent)}
.status-failed,.status-undelivered,.revoked{color:var(--bad);font-weight:600}
.status-delivered,.status-verified{color:var(--good);font-weight:600}
.pager{margin:1rem 0;display:flex;gap:1rem}
main.narrow{max-width:28rem;padding-top:2.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}
dl.facts dt{font-weight:600}dl.facts dd{margin:0}
@media (max-width:600px){main{padding:.6rem}th,td{padding:.3rem}.chart{height:240px}}
`;
