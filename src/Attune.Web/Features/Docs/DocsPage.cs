namespace Attune.Web.Features.Docs;

/// <summary>Self-contained pages (no CDN): the API reference renders /openapi/v1.json in the browser.</summary>
internal static class DocsPage
{
    public const string Html = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attune API reference</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{margin-bottom:0}.op{border:1px solid #ddd;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4.5rem;font-weight:700;font-family:monospace}.GET{color:#0a7}.POST{color:#07c}.PUT{color:#c70}.DELETE{color:#c22}
code{font-family:monospace}details pre{background:#f6f6f6;padding:.5rem;overflow:auto;font-size:13px}
</style></head><body>
<h1>Attune API</h1>
<p>OpenAPI document: <a href="/openapi/v1.json">/openapi/v1.json</a>. Authenticate with <code>X-Api-Key: &lt;key&gt;</code>
or <code>Authorization: Bearer &lt;key&gt;</code>; errors are RFC 9457 problem details naming the field.</p>
<div id="ops">Loading…</div>
<script>
fetch('/openapi/v1.json').then(r=>r.json()).then(doc=>{
  const out=document.getElementById('ops'); out.textContent='';
  const byTag={};
  for(const [path,item] of Object.entries(doc.paths||{})) for(const [method,op] of Object.entries(item)){
    if(typeof op!=='object'||!op.responses) continue;
    const tag=(op.tags||['Other'])[0]; (byTag[tag]=byTag[tag]||[]).push({path,method:method.toUpperCase(),op});
  }
  for(const [tag,ops] of Object.entries(byTag)){
    const h=document.createElement('h2'); h.textContent=tag; out.appendChild(h);
    for(const {path,method,op} of ops){
      const d=document.createElement('div'); d.className='op';
      const head=document.createElement('div');
      const m=document.createElement('span'); m.className='m '+method; m.textContent=method;
      const p=document.createElement('code'); p.textContent=path;
      head.append(m,p); d.appendChild(head);
      if(op.summary){const s=document.createElement('div'); s.textContent=op.summary; d.appendChild(s);}
      const det=document.createElement('details'); const sum=document.createElement('summary'); sum.textContent='parameters, body and responses';
      const pre=document.createElement('pre'); pre.textContent=JSON.stringify({parameters:op.parameters,requestBody:op.requestBody,responses:op.responses},null,2);
      det.append(sum,pre); d.appendChild(det); out.appendChild(d);
    }
  }
  const s=document.createElement('h2'); s.textContent='Schemas'; out.appendChild(s);
  const pre=document.createElement('pre'); pre.textContent=JSON.stringify((doc.components||{}).schemas||{},null,2);
  const det=document.createElement('details'); const sum=document.createElement('summary'); sum.textContent='all schemas'; det.append(sum,pre); out.appendChild(det);
}).catch(e=>{document.getElementById('ops').textContent='Could not load the OpenAPI document: '+e});
</script></body></html>
""";
}
