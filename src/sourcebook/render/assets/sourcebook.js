/* sourcebook widgets, plain ES2020, no dependencies. check() is exercises/check.py
   over the answer-free payload of render/payload.py. */
(()=>{'use strict';
const D=document,$=(e,s)=>e.querySelector(s),$$=(e,s)=>[...e.querySelectorAll(s)],arr=Array.isArray,
 ent=Object.entries,keys=Object.keys,str=v=>typeof v=='string',obj=v=>!!v&&typeof v=='object'&&!arr(v),
 len=s=>[...s].length,T=(e,t)=>e.textContent=t,J=JSON.stringify,P='sourcebook:';
let LS={};try{LS=localStorage}catch(e){}  /* storage may be blocked */

/* SHA-256: no crypto.subtle on plain http */
const K=[],H0=[],R=(x,n)=>x>>>n|x<<32-n;
for(let n=2,c=0;c<64;n++){let d=2;for(;n%d;d++);if(d==n){if(c<8)H0[c]=n**.5*2**32|0;K[c++]=n**(1/3)*2**32|0}}
const sha=s=>{let b=[...new TextEncoder().encode(s)],l=b.length*8,h=H0.slice(),w=[],i,j;
 b.push(128);while(b.length%64-56)b.push(0);for(i=7;i>=0;i--)b.push(i>3?0:l>>>i*8&255);
 for(j=0;j<b.length;j+=64){
  for(i=0;i<64;i++)w[i]=i<16?b[j+4*i]<<24|b[j+4*i+1]<<16|b[j+4*i+2]<<8|b[j+4*i+3]:(R(w[i-15],7)^R(w[i-15],18)^w[i-15]>>>3)+w[i-16]+(R(w[i-2],17)^R(w[i-2],19)^w[i-2]>>>10)+w[i-7]|0;
  let[a,B,c,d,e,f,g,k]=h;
  for(i=0;i<64;i++){const t=k+(R(e,6)^R(e,11)^R(e,25))+(e&f^~e&g)+K[i]+w[i]|0,u=(R(a,2)^R(a,13)^R(a,22))+(a&B^a&c^B&c)|0;k=g;g=f;f=e;e=d+t|0;d=c;c=B;B=a;a=t+u|0}
  h=[a,B,c,d,e,f,g,k].map((v,i)=>v+h[i]|0)}
 return h.map(v=>(v>>>0).toString(16).padStart(8,0)).join('')};
const hash=(p,part,v)=>sha(`${p.book}|${p.id}|${part}|${v}`).slice(0,20),
 key=(p,u,m)=>sha(`${p.book}|${p.id}|${u}|${m}`),
 dec=(c,k)=>{try{const b=Uint8Array.from(atob(c),x=>x.charCodeAt(0));let s='';
  for(let i=0;i*32<b.length;i++)s+=sha(k+':'+i);b.forEach((x,i)=>b[i]=x^parseInt(s.substr(2*i,2),16));
  const t=new TextDecoder('utf-8',{fatal:1}).decode(b);return t.startsWith('sb:')?t.slice(3):null}catch(e){return null}};

/* normalisation and dates: exercises/normalize.py */
const norm=s=>s.normalize('NFKD').replace(/\p{Mn}/gu,'').toLowerCase().replace(/[^\p{L}\p{N}]/gu,' ').replace(/ +/g,' ').trim(),
 MON=Object.create(null);
'january february march april may june july august september october november december'.split(' ').forEach((m,i)=>MON[m]=MON[m.slice(0,3)]=i+1);MON.sept=9;
const pdate=t=>{if(!str(t)||len(t)>100)return null;const w=norm(t).split(' ');if(w.length!=3)return null;
 const[a,b,c]=w,Y=/^[1-9]\d{3}$/,N=/^\d\d?$/,Dy=/^(\d\d?)(st|nd|rd|th)?$/;let y,m,d,x;
 if(Y.test(a)&&N.test(b)&&N.test(c))[y,m,d]=[+a,+b,+c];
 else if(MON[b]&&Y.test(c)&&(x=Dy.exec(a)))[y,m,d]=[+c,MON[b],+x[1]];
 else if(MON[a]&&Y.test(c)&&(x=Dy.exec(b)))[y,m,d]=[+c,MON[a],+x[1]];else return null;
 const o=new Date(Date.UTC(y,m-1,d));return m>0&&m<13&&o.getUTCMonth()==m-1&&o.getUTCDate()==d?o.toISOString().slice(0,10):null};
/* Python's round(x, 4): exact decimal expansion, ties to even */
const rnd=x=>{const s=x.toFixed(100),i=s.indexOf('.')+5,t=s.slice(i);let n=+s.slice(0,i).replace('.','');
 if(t[0]>'5'||t[0]=='5'&&(/[1-9]/.test(t.slice(1))||n%2))n++;return n/1e4};

/* which blanks or which pairs of a checked answer are right, to point at the ones to fix */
function parts(p,r){
 if(p.type=='cloze'&&arr(r))return p.blanks.map((B,i)=>str(r[i])&&!!r[i].trim()&&B.some(x=>x.h==hash(p,'blank'+(i+1),norm(r[i]))));
 if(p.type=='matching'&&obj(r))return lefts(p).map(l=>str(r[l])&&hash(p,'match'+l,r[l])==p.answers[l-1]);
 return null}

/* the checker: (payload, response) -> {score, max, correct, status} */
const empty=v=>v==null||(str(v)||arr(v))&&!v.length||obj(v)&&!keys(v).length,
 lefts=p=>p.answers.map((_,i)=>String(i+1));
function check(p,r){
 const U='unanswered',P=p.points,out=(status,score=0,correct=false)=>({score,max:P,correct,status}),bad=out('invalid'),
  sc=(n,of)=>{if(n>=of)return out('correct',rnd(P),true);const s=rnd(P*(Math.max(n,0)/of));return out(s>0?'partial':'incorrect',s)},
  A=new Set(p.answers||[]),ok=(x,q='answer')=>A.has(hash(p,q,x)),list=()=>arr(r)&&r.length<=200&&r.every(str)?[...new Set(r)]:null;
 if(empty(r))return out(U);
 switch(p.type){
 case'single-choice':return str(r)&&p.options.includes(r)?sc(+ok(r),1):bad;
 case'true-false':return typeof r=='boolean'?sc(+ok(r),1):bad;
 case'date':{if(!str(r))return bad;if(!r.trim())return out(U);const x=len(r)<=200&&pdate(r);return x?sc(+ok(x),1):bad}
 case'multiple-select':case'evidence':{const c=list(),o=p.options||p.sentences;if(!c||c.some(x=>!o.includes(x)))return bad;
  const n=c.filter(x=>ok(x)).length;return sc(n-(c.length-n),A.size)}
 case'ordering':{const c=list(),e=p.entries;if(!c||c.length!=r.length||c.length!=e.length||c.some(x=>!e.includes(x)))return bad;
  let n=0;for(let i=1;i<c.length;i++)n+=ok(c[i-1]+'>'+c[i],'pair');return sc(n,c.length-1)}
 case'matching':{const L=lefts(p),k=obj(r)?keys(r):null;
  if(!k||k.length>L.length||k.some(l=>!L.includes(l)||r[l]!==null&&!(str(r[l])&&p.keys.includes(r[l]))))return bad;
  if(k.every(l=>r[l]===null))return out(U);return sc(L.filter(l=>str(r[l])&&hash(p,'match'+l,r[l])==p.answers[l-1]).length,L.length)}
 case'cloze':{const B=p.blanks;if(!arr(r)||r.length!=B.length)return bad;let n=0;
  for(let i=0;i<B.length;i++){const v=r[i];if(v===null)continue;if(!str(v)||len(v)>200)return bad;const h=hash(p,'blank'+(i+1),norm(v));n+=B[i].some(x=>x.h==h)}
  return r.every(v=>v===null||!v.trim())?out(U):sc(n,B.length)}
 case'mark-words':{if(!arr(r)||r.length>p.tokens||!r.every(i=>Number.isInteger(i)&&i>=0&&i<p.tokens))return bad;
  const f=new Set;let w=0,last=-2;for(const i of [...new Set(r)].sort((a,b)=>a-b)){const h=hash(p,'token',i),g=p.targets.filter(x=>x.h==h);
   if(g.length)g.forEach(x=>f.add(x.p));else{if(last!=i-1)w++;last=i}}return sc(f.size-w,p.phrases)}
 case'short-answer':{if(!obj(r))return bad;const t=r.text,m=r.self;
  if(keys(r).some(q=>q!='text'&&q!='self')||!str(t)||len(t)>2e4||m!=null&&!(arr(m)&&m.length==p.rubric.length&&m.every(b=>typeof b=='boolean')))return bad;
  return t.trim()?out('recorded',0,null):out(U)}}
 return bad}

/* what a right response or a chosen option unlocks */
function explain(p,r){let m;const pieces=(list,f)=>{const o=list.map(f);return o.every(x=>x!=null)?o:null};
 switch(p.type){
 case'multiple-select':case'evidence':m=[...new Set(r)].sort().join();break;
 case'ordering':m=r.join();break;
 case'matching':m=lefts(p).map(l=>r[l]).join();break;
 case'date':m=pdate(r);break;
 case'cloze':m=pieces(p.blanks,(b,i)=>{const v=norm(r[i]),x=b.find(x=>x.h==hash(p,'blank'+(i+1),v));return x&&dec(x.k,key(p,`blank${i+1}-key`,v))});m=m&&m.join('|');break;
 case'mark-words':m=pieces([...Array(p.phrases).keys()],k=>{for(const i of r){const x=p.targets.find(x=>x.p==k&&x.h==hash(p,'token',i));if(x)return dec(x.k,key(p,'token-key',i))}});m=m&&m.join();break;
 default:m=String(r)}
 return m==null?null:dec(p.explanation,key(p,'explain',m))}
const optionFeedback=(p,r)=>(arr(r)?[...new Set(r)]:[String(r)]).map(o=>p.feedback&&p.feedback[o]&&dec(p.feedback[o],key(p,'option',o))).filter(Boolean);

/* storage: sourcebook:<book>:<source>:<item> | …:note:<paragraph> | …:bo:<id> */
const load=k=>{try{return JSON.parse(LS.getItem(k))}catch(e){return null}},put1=(k,v)=>LS.setItem(k,J(v)),save=(k,v)=>{try{put1(k,v)}catch(e){}},
 refreshers=[];
const pr=(b,v,a='aria-pressed')=>v==null?b.getAttribute(a)=='true':b.setAttribute(a,v),el=(t,c,x)=>{const e=D.createElement(t);if(c)e.className=c;if(x!=null)T(e,x);return e};

function get(li,t){const q=s=>$$(li,s),one=$(li,'.sb-q input:checked');switch(t){
 case'single-choice':return one?one.value:null;
 case'true-false':return one?one.value=='true':null;
 case'multiple-select':case'evidence':return q('.sb-q input:checked').map(x=>x.value);
 case'ordering':return q('.sb-ord>li').map(x=>x.dataset.k);
 case'matching':{const o={};q('select').forEach(s=>{if(s.value)o[s.dataset.l]=s.value});return o}
 case'cloze':return q('.sb-blank').map(x=>x.value);
 case'mark-words':return q('.sb-w[aria-pressed=true]').map(x=>+x.dataset.i);
 case'date':return $(li,'.sb-d').value;
 case'short-answer':return{text:$(li,'.sb-t').value,self:q('.sb-rub input').map(x=>x.checked)}}}
function put(li,t,r){const q=s=>$$(li,s),A=arr(r);switch(t){
 case'single-choice':case'true-false':q('.sb-q input').forEach(x=>x.checked=r!=null&&x.value===String(r));break;
 case'multiple-select':case'evidence':q('.sb-q input').forEach(x=>x.checked=A&&r.includes(x.value));break;
 case'ordering':if(A){const o=$(li,'.sb-ord');r.forEach(k=>{const e=q('.sb-ord>li').find(x=>x.dataset.k===k);e&&o.append(e)})}break;
 case'matching':q('select').forEach(s=>s.value=obj(r)&&str(r[s.dataset.l])?r[s.dataset.l]:'');break;
 case'cloze':q('.sb-blank').forEach((x,i)=>x.value=A&&str(r[i])?r[i]:'');break;
 case'mark-words':q('.sb-w').forEach(x=>pr(x,A&&r.includes(+x.dataset.i)));break;
 case'date':$(li,'.sb-d').value=str(r)?r:'';break;
 case'short-answer':$(li,'.sb-t').value=obj(r)&&str(r.text)?r.text:'';q('.sb-rub input').forEach((x,i)=>x.checked=!!(obj(r)&&arr(r.self)&&r.self[i]))}}

const VERDICT={correct:['✔','Correct.'],partial:['◐','Partly right.'],incorrect:['✘','Not right yet.'],recorded:['✔','Answer recorded.'],invalid:['⚠',''],unanswered:['?','']},
 num=x=>+x.toFixed(2),pts=(s,m)=>`${num(s)} of ${num(m)} point${m==1?'':'s'}.`;

function exerciseSet(sec){
 const data=JSON.parse($(sec,'.sb-data').textContent),book=sec.dataset.book,items=$$(sec,'.sb-item'),prog=$(sec,'.sb-prog');
 const progress=()=>{let a=0,c=0;items.forEach(li=>{const s=(li._st||0).status;if(s)a++;if(s=='correct')c++});
  T(prog,`${a} of ${items.length} answered, ${c} correct`)};
 items.forEach(li=>{
  const t=li.dataset.type,p=data.items[li.dataset.item],k=`${P}${book}:${li.dataset.source}:${p.id}`,
   fb=$(li,'.sb-fb'),ex=$(li,'.sb-ex'),att=$(li,'.sb-att'),rub=$(li,'.sb-rub');
  const store=()=>save(k,li._st),
   /* after a partly right or wrong check: the blanks or menus to look at again (named when some are right) */
   mark=ok=>{const n=[],c=$$(li,'.sb-blank,.sb-match select');c.forEach((x,i)=>{if(ok&&!ok[i]){x.setAttribute('aria-invalid',!0);
     n.push(t=='cloze'?'blank '+(i+1):'“'+x.labels[0].textContent.trim()+'”')}else x.removeAttribute('aria-invalid')});
    if(n.length&&n.length<c.length){const e=el('p','sb-of sb-parts');e.append('Look again at '+n.join(', ')+'.');fb.append(e)}},
   show=(res,r)=>{T(fb,'');ex.hidden=true;const st=res.status,[icon,word]=VERDICT[st],v=el('p','sb-v sb-'+st);
    v.innerHTML=`<span class=sb-i aria-hidden=true>${icon}</span> `;v.append(word||(st=='unanswered'?'Answer first, then press Check.':t=='date'?'Write a date such as 5 March 1950 or 1950-03-05.':'This answer cannot be checked.'));
    if(/correct|partial/.test(st))v.append(' '+pts(res.score,res.max));
    if(/partial|incorrect/.test(st))v.append(' Try again'+($(li,'.sb-hint:not([open])')?', or open the hint.':'.'));
    if(st=='recorded')v.append(' Now tick each rubric point it covers.');
    fb.append(v);
    if(/correct|partial|incorrect/.test(st))optionFeedback(p,r).forEach(h=>{const e=el('p','sb-of');e.innerHTML=h;fb.append(e)});
    mark(/partial|incorrect/.test(st)?parts(p,r):null);
    const x=st=='correct'?explain(p,r):st=='recorded'?dec(p.explanation,key(p,'rubric','recorded')):null;
    if(x){ex.innerHTML=(st=='correct'?'<p class="sb-exh">Why</p>':'')+'<p></p>';ex.lastChild.innerHTML=x;ex.hidden=false}
    if(rub&&st=='recorded')rub.hidden=false},
   restore=()=>{const o=load(k),s=li._st=obj(o)?o:{response:null};s.attempts|=0;put(li,t,s.response);
    if(!s.status&&s.attempts){const x=check(p,s.response).status;if(!/invalid|unanswered/.test(x))s.status=x}
    T(fb,'');ex.hidden=true;if(rub)rub.hidden=s.status!='recorded';
    if(s.status&&!s.dirty)show(check(p,s.response),s.response);upd()},
   run=()=>{const r=get(li,t),res=check(p,r),s=li._st,now=new Date().toISOString();
    if(!/invalid|unanswered/.test(res.status)){s.attempts++;s.first_at=s.first_at||now;s.last_at=now;s.status=res.status;s.dirty=false;s.ck=J(r)}
    s.response=r;store();show(res,r);upd()},
   upd=()=>{T(att,li._st.attempts?'Attempts: '+li._st.attempts:'');progress()},
   /* the verdict stays while the answer is the one checked (retyped or re-chosen included);
      rubric ticks never hide it */
   edited=e=>{const s=li._st;e&&e.target.removeAttribute&&e.target.removeAttribute('aria-invalid');s.response=get(li,t);if(!(e&&e.target.closest('.sb-rub')))s.dirty=!!s.status&&J(s.response)!=s.ck;store()};
  const on=(e,f)=>li.addEventListener(e,f);
  on('click',e=>{const b=e.target.closest('button');if(!b)return;
   if(b.matches('.sb-check'))return run();
   if(b.matches('.sb-w')){pr(b,!pr(b));edited()}
   if(b.dataset.d){const row=b.closest('li'),o=row.parentNode,rows=$$(o,':scope>li'),i=rows.indexOf(row),j=i+ +b.dataset.d;
    if(j<0||j>=rows.length)return;o.insertBefore(row,j>i?rows[j].nextSibling:rows[j]);b.focus();
    T(fb,`${$(row,'.sb-ot').textContent} is now number ${j+1} of ${rows.length}.`);edited()}});
  if(rub)p.rubric.forEach(c=>$(rub,'ul').insertAdjacentHTML('beforeend',`<li><label><input type=checkbox> <span>${dec(c,key(p,'rubric','recorded'))}</span></label></li>`));
  on('change',edited);on('input',edited);
  on('keydown',e=>{if(e.key=='Enter'&&e.target.matches('input[type=text]')){e.preventDefault();run()}});
  const h=$(li,'.sb-hint');h&&h.addEventListener('toggle',()=>{if(h.open){li._st.hint=true;store()}});
  li._restore=restore;restore()});
 refreshers.push(()=>items.forEach(li=>li._restore()))}

/* the close reader */
function reader(sec){
 const book=sec.dataset.book,k=x=>`${P}${book}:${sec.dataset.source}:${x}`,msg=$(sec,'.sb-rmsg'),
  say=t=>T(msg,t),lensB=$$(sec,'.sb-lenses button'),panels=$$(sec,'.sb-lp');
 const lens=v=>{sec.dataset.lens=v;lensB.forEach(b=>pr(b,b.dataset.lens==v));panels.forEach(x=>x.hidden=x.dataset.lens!=v);
  if(v)say($(sec,'.sb-lp[data-lens='+v+'] .sb-lt').textContent+' lens: passages highlighted.')};
 lens('');lensB.forEach(b=>b.onclick=()=>lens(pr(b)?'':b.dataset.lens));
 const spot=$(sec,'.sb-spot');spot.onchange=()=>{const v=spot.value;$$(sec,'.sb-lit').forEach(x=>x.classList.remove('sb-lit'));
  sec.classList.toggle('sb-spotting',!!v);if(v)$$(sec,v.includes('.')?`[data-sid="${v}"]`:`[data-pid="${v}"] .sb-s`).forEach(x=>x.classList.add('sb-lit'));
  say(v?`Spotlight on ${spot.selectedOptions[0].textContent.split(':')[0]}; the rest is dimmed.`:'Spotlight off.')};
 const on=(e,f)=>sec.addEventListener(e,f),g=e=>e.target.closest('.sb-g');
 on('keydown',e=>{e.key=='Escape'&&g(e)&&g(e).classList.add('sb-x')});on('focusout',e=>{g(e)&&g(e).classList.remove('sb-x')});
 const notes=$$(sec,'textarea[data-note]');
 notes.forEach(n=>{n.oninput=()=>save(k('note:'+n.dataset.note),n.value);
  const sel=$(n.parentNode,'select');$(n.parentNode,'.sb-add').onclick=()=>{n.value+=(n.value&&!/\s$/.test(n.value)?' ':'')+sel.value.replace(/…$/,' ');n.focus();n.selectionStart=n.value.length;n.oninput()}});
 const bos=$$(sec,'.sb-bos');
 bos.forEach(f=>{const id=f.dataset.bo,words=$$(sec,`.sb-bo[data-bo="${id}"]`),tog=$(f,'.sb-bot'),ins=$$(f,'input'),o=$(f,'.sb-boo');
  const on=v=>{pr(tog,v);words.forEach(w=>w.classList.toggle('sb-on',v))};
  tog.onclick=()=>{const v=!pr(tog);on(v);T(o,v?'Blacked out. Type your guesses, then reveal.':'')};
  ins.forEach(i=>i.oninput=()=>save(k('bo:'+id),ins.map(x=>x.value)));
  $(f,'.sb-bor').onclick=()=>{on(false);T(o,words.map((w,i)=>`Word ${i+1}: you guessed “${ins[i].value.trim()||'…'}”; the text has “${$(w,'.sb-bw').textContent}”.`).join(' '))};
  f._restore=()=>{const g=load(k('bo:'+id));ins.forEach((x,i)=>x.value=arr(g)&&str(g[i])?g[i]:'')}});
 const restore=()=>{notes.forEach(n=>{const v=load(k('note:'+n.dataset.note));n.value=str(v)?v:'';if(n.value)n.closest('details').open=true});bos.forEach(f=>f._restore())};
 refreshers.push(restore);restore()}

/* hand-in bar: files of schemas/answers.schema.json */
const TS=/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,6})?)?(Z|[+-]\d\d:\d\d)$/,
 only=(o,ks)=>keys(o).every(x=>ks.split(' ').includes(x)),okKey=x=>x&&len(x)<=100&&!x.includes(':');
function exportDoc(book,version,who){
 const d={format:'sourcebook-answers',version:1,book:{id:book,content_version:version},student:who,exported_at:new Date().toISOString(),responses:{},notes:{}};
 for(let i=0;i<LS.length;i++){const q=LS.key(i).split(':'),v=load(LS.key(i));if(q[0]+':'!=P||q[1]!=book)continue;
  if(q.length==4&&obj(v)&&v.response!=null)d.responses[q[3]]={response:v.response,attempts:v.attempts|0,first_at:v.first_at||null,last_at:v.last_at||null,source:q[2]};
  if(q.length==5&&q[3]=='note'&&str(v)&&v.trim())(d.notes[q[2]]=d.notes[q[2]]||{})[q[4]]=v}
 return d}
function invalid(d,book){const s=d&&d.student,S=x=>str(x)&&TS.test(x),src=x=>str(x)&&!x.includes(':');
 if(!obj(d)||d.format!='sourcebook-answers')return'it is not a sourcebook answers file';
 if(d.version!==1)return'its format version is not one this page reads';
 if(!obj(d.book)||d.book.id!==book)return'it holds answers for another book';
 if(!only(d,'format version book student exported_at responses notes')||!str(d.book.content_version)||!obj(s)||!str(s.name)||!str(s.id)||!S(d.exported_at)||!obj(d.responses)||'notes' in d&&!obj(d.notes)
  ||ent(d.responses).some(([x,r])=>!okKey(x)||!obj(r)||!('response' in r)||!only(r,'response attempts first_at last_at source')||!Number.isInteger(r.attempts)||r.attempts<0||r.attempts>1e5||[r.first_at,r.last_at].some(t=>t!=null&&!S(t))||'source' in r&&!src(r.source))
  ||ent(d.notes||{}).some(([x,n])=>!okKey(x)||!obj(n)||ent(n).some(([y,t])=>!okKey(y)||!str(t))))return'it is damaged or was edited by hand'}
function importDoc(d,book){
 const w=[],srcOf=x=>(D.getElementById('sb-'+x)||{dataset:{}}).dataset.source||'';
 for(const[x,r]of ent(d.responses)){const k=`${P}${book}:${str(r.source)?r.source:srcOf(x)}:${x}`;
  w.push([k,{response:r.response,attempts:r.attempts,first_at:r.first_at||null,last_at:r.last_at||null}])}
 for(const[x,n]of ent(d.notes||{}))for(const[y,t]of ent(n))w.push([`${P}${book}:${x}:note:${y}`,t]);
 w.push([`${P}${book}:student`,d.student]);
 const old=w.map(([k])=>[k,LS.getItem(k)]);
 try{w.forEach(([k,v])=>put1(k,v))}catch(e){old.forEach(([k,v])=>v==null?LS.removeItem(k):LS.setItem(k,v));throw e}
 return w.length}
function toolbar(bar){
 const sec=bar.closest('[data-book]'),book=sec.dataset.book,version=sec.dataset.version,who=$(bar,'.sb-who'),m=$(bar,'.sb-msg'),f=$(bar,'.sb-impf'),sk=`${P}${book}:student`;
 const restore=()=>{const s=load(sk);who.value=obj(s)?s.name||s.id||'':''};restore();refreshers.push(restore);
 who.oninput=()=>{save(sk,{name:who.value,id:''});$$(D,'.sb-who').forEach(x=>x!=who&&(x.value=who.value))};
 $(bar,'.sb-exp').onclick=()=>{const n=who.value.trim();if(!n){T(m,'Type your name or student id first.');who.focus();return}
  const a=el('a'),d=exportDoc(book,version,{name:n,id:''});a.href=URL.createObjectURL(new Blob([J(d,null,1)],{type:'application/json'}));
  a.download=`${book}-answers-${n.replace(/[^\w-]+/g,'_')}.json`;D.body.append(a);a.click();a.remove();
  T(m,`Exported ${keys(d.responses).length} answers and your notes. Hand in the downloaded file.`)};
 f.onchange=()=>{const file=f.files[0];if(!file)return;file.text().then(t=>{let d=null,why;try{d=JSON.parse(t)}catch(e){}
  why=invalid(d,book);if(!why)try{importDoc(d,book)}catch(e){why='this browser could not store it'}
  if(why)T(m,`Not imported: ${why}. Nothing was changed.`);
  else{refreshers.forEach(f=>f());T(m,`Imported ${keys(d.responses).length} answers and the notes from ${file.name}.`+(d.book.content_version!=version?` (Made for exercises version ${d.book.content_version}; this page has version ${version}.)`:''))}
  f.value=''})}}

function init(){
 window.sourcebookInitAt=window.sourcebookInitAt||performance.now();
 $$(D,'.sb-set:not(.sb-js)').forEach(s=>{s.classList.add('sb-js');try{exerciseSet(s)}catch(e){console.error(e)}});
 $$(D,'.sb-reader:not(.sb-js)').forEach(s=>{s.classList.add('sb-js');reader(s)});
 $$(D,'.sb-toolbar:not(.sb-tb)').forEach(b=>{b.classList.add('sb-tb');toolbar(b)});
 window.sourcebookReadyAt=performance.now()}
window.sourcebook={check,explain,optionFeedback,get,put,init};
D.readyState=='loading'?D.addEventListener('DOMContentLoaded',init):init();
})();
