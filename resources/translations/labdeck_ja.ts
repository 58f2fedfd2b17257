<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>ApplyText</name>
    <message>
        <location filename="../../services/kube/manifestapply.cpp" line="+125"/>
        <source>(Secret %1: body not shown)</source>
        <translation>（Secret %1: 本文は表示しません）</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 is served as %2, not %3</source>
        <translation>%1 は %3 ではなく %2 で提供されています</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Labdeck does not apply %1 objects (%2); use kubectl for them</source>
        <translation>Labdeck は %1 オブジェクト（%2）を適用しません。kubectl を使ってください</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>would be created</source>
        <translation>作成予定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>created</source>
        <translation>作成済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>would be changed</source>
        <translation>変更予定</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>configured</source>
        <translation>変更済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict</source>
        <translation>競合</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>スキップ</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <location filename="../../ui/tray/autostart.cpp" line="+53"/>
        <source>could not remove %1</source>
        <translation>%1 を削除できませんでした</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the program path %1 cannot be written in an autostart entry</source>
        <translation>プログラムのパス %1 は自動起動エントリに書けません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not create the folder %1</source>
        <translation>フォルダー %1 を作れませんでした</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Watch the lab from the system tray</source>
        <translation>システムトレイからラボを見守る</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>BlastRadius</name>
    <message>
        <location filename="../../models/blastradius.cpp" line="+72"/>
        <source>%1 and %2 more</source>
        <translation>%1 ほか %2 件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 public URLs are served through it (%2) and will not answer until it is back.</source>
        <translation>%1 個の公開 URL (%2) がこれを経由して配信されており、戻るまで応答しません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 public URLs are served through it (%2) and will not answer for a moment.</source>
        <translation>%1 個の公開 URL (%2) がこれを経由して配信されており、しばらく応答しません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 workloads keep their volumes on it (%2) and will fail to read or write until it is back.</source>
        <translation>%1 個のワークロード (%2) がボリュームをここに置いており、戻るまで読み書きに失敗します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 workloads keep their volumes on it (%2); their reads and writes stall while it restarts.</source>
        <translation>%1 個のワークロード (%2) がボリュームをここに置いており、再起動中は読み書きが止まります。</translation>
    </message>
</context>
<context>
    <name>CheckReport</name>
    <message>
        <location filename="../../services/checks/checkresult.cpp" line="+127"/>
        <source>what to do: %1</source>
        <translation>対処: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 results: %2 ok, %3 warning, %4 critical, %5 could not run (%6 ms)</source>
        <translation>結果 %1 件: 正常 %2、警告 %3、異常 %4、実行不可 %5（%6 ms）</translation>
    </message>
</context>
<context>
    <name>CheckText</name>
    <message>
        <location filename="../../services/checks/certcheck.cpp" line="+73"/>
        <source>the certResolver</source>
        <translation>設定中の certResolver</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Let&apos;s Encrypt renews at 30 days left — look at Traefik&apos;s certResolver (%1) logs on %2: docker compose logs traefik | grep -i acme</source>
        <translation>Let&apos;s Encrypt は残り 30 日で更新します — %2 で Traefik の certResolver（%1）のログを確認してください: docker compose logs traefik | grep -i acme</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the ingress host</source>
        <translation>ingress ホスト</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 day</source>
        <translation>1 日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 days</source>
        <translation>%1 日</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no answer within %1 s</source>
        <translation>%1 秒以内に応答がありません</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 when connecting to %2</source>
        <translation>%2 への接続で%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 accepted the connection but never finished the TLS handshake</source>
        <translation>%1: %2 は接続を受け付けましたが、TLS ハンドシェイクが完了しませんでした</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 accepted the request but never answered</source>
        <translation>%1: %2 はリクエストを受け付けましたが、応答しませんでした</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>connection refused by %1: nothing listens there</source>
        <translation>%1 で接続が拒否されました: そこで待ち受けているものがありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the name %1 does not resolve</source>
        <translation>名前 %1 を解決できません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is unreachable: %2</source>
        <translation>%1 に到達できません: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 closed the connection: %2</source>
        <translation>%1 が接続を閉じました: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../services/checks/routescheck.cpp" line="+152"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check the DNS record of the name (it should point at %1&apos;s public address).</source>
        <translation>その名前の DNS レコードを確認してください（%1 のパブリックアドレスを指している必要があります）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that %1 is up and that port 443 is open in the OCI security list and UFW.</source>
        <translation>%1 が起動していて、OCI のセキュリティリストと UFW でポート 443 が開いているか確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Traefik on %1 accepts but hangs: look at docker compose logs traefik, and restart it if it stays stuck.</source>
        <translation>%1 の Traefik は接続を受け付けますが応答しません。docker compose logs traefik を確認し、止まったままなら再起動してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check that Traefik runs on %1: docker compose ps traefik.</source>
        <translation>%1 で Traefik が動いているか確認してください（docker compose ps traefik）。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the TLS handshake failed: %1</source>
        <translation>TLS ハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>its certResolver</source>
        <translation>使用する certResolver</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expired %1 ago (%2)</source>
        <translation>%1前に期限切れ（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renewal failed: %1</source>
        <translation>更新に失敗しています: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not valid before %1</source>
        <translation>%1 より前は有効ではありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the clock of %1.</source>
        <translation>%1 の時計を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the certificate is for %1, not %2</source>
        <translation>証明書は %2 ではなく %1 用です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik serves another certificate when no TLS router matches the name: check the router&apos;s Host(`%1`) rule and tls.certResolver=%2 on %3.</source>
        <translation>名前に一致する TLS ルーターがないと、Traefik は別の証明書を返します。%3 でルーターの Host(`%1`) ルールと tls.certResolver=%2 を確認してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>self-signed (%1), trusted by nobody</source>
        <translation>自己署名（%1）で、どこからも信頼されていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is Traefik&apos;s default certificate when it holds none for the name: give the router tls.certResolver=%1 and look at the ACME logs on %2.</source>
        <translation>Traefik がその名前の証明書を持っていないときに返す既定の証明書です。ルーターに tls.certResolver=%1 を設定し、%2 の ACME ログを確認してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the chain ends in a root nobody trusts (%1)</source>
        <translation>チェーンが信頼されていないルート（%1）で終わっています</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Use a certificate from a public CA (tls.certResolver=%1).</source>
        <translation>公的な CA の証明書を使ってください（tls.certResolver=%1）。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>the server sends no intermediate certificate (issuer %1)</source>
        <translation>サーバーが中間証明書を送っていません（発行者 %1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serve the full chain (fullchain.pem, not cert.pem) in Traefik&apos;s TLS store on %1; certResolver certificates include it.</source>
        <translation>%1 の Traefik の TLS ストアでフルチェーン（cert.pem ではなく fullchain.pem）を提供してください。certResolver の証明書には含まれています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>issued by %1, which is not a trusted CA</source>
        <translation>信頼された CA ではない %1 が発行しています</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Look at the certificate Traefik serves on %1.</source>
        <translation>%1 の Traefik が返す証明書を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expires in %1</source>
        <translation>あと %1 で期限切れ</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expires in %1 (%2); issued by %3</source>
        <translation>あと %1 で期限切れ（%2）、発行者: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>valid for %1 more (until %2); issued by %3; %4</source>
        <translation>あと %1 有効（%2 まで）、発行者: %3、%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../../services/checks/endpointcheck.cpp" line="+39"/>
        <source>browsers refuse its TLS certificate (%1)</source>
        <translation>ブラウザーが TLS 証明書を拒否します（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>See the certs result for %1.</source>
        <translation>%1 の certs の結果を確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no HTTP answer</source>
        <translation>HTTP の応答がありません</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>NodePort %1 on %2</source>
        <translation>%2 の NodePort %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../services/checks/kubecheck.cpp" line="+40"/>
        <source>%1 on %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>answers %1 after %2 ms</source>
        <translation>%2 ms 後に %1 を返しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik on %1 cannot reach %2: is the service up?</source>
        <translation>%1 の Traefik が %2 に到達できません。サービスは起動していますか？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The application behind it fails: look at the logs of %1.</source>
        <translation>背後のアプリケーションがエラーを返しています。%1 のログを確認してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>answers %1: no route or no page at /</source>
        <translation>%1 を返しました: ルートがないか、/ にページがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check Traefik&apos;s router for %1 (the routes check lists them).</source>
        <translation>%1 の Traefik ルーターを確認してください（routes チェックに一覧があります）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>answers %1</source>
        <translation>%1 を返しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open %1 in a browser to see why.</source>
        <translation>原因はブラウザーで %1 を開いて確認してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (asks for a login)</source>
        <translation>（ログインを要求）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>answers %1%2, but slowly: %3 ms</source>
        <translation>%1%2 を返しましたが、遅いです: %3 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at the load of %1 and of %2 (Prometheus charts).</source>
        <translation>%1 と %2 の負荷を確認してください（Prometheus のチャート）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>answers %1%2 in %3 ms</source>
        <translation>%3 ms で %1%2 を返しました</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>NodePort %1 on %2 (%3)</source>
        <translation>%2 の NodePort %1（%3）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>accepts connections (%1 ms)</source>
        <translation>接続を受け付けます（%1 ms）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Service&apos;s nodePort may have changed or its pods are down: kubectl -n %1 get svc,pods -o wide.</source>
        <translation>Service の nodePort が変わったか、Pod が停止している可能性があります（kubectl -n %1 get svc,pods -o wide で確認）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Packets are dropped: check %1&apos;s UFW rules and the OCI security list for port %2, and the Tailscale link to %1.</source>
        <translation>パケットが破棄されています。ポート %2 について %1 の UFW ルールと OCI のセキュリティリストを確認し、%1 への Tailscale 接続も確認してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that %1 is reachable from here.</source>
        <translation>ここから %1 に到達できるか確認してください。</translation>
    </message>
    <message>
        <location filename="../../services/checks/kubecheck.cpp" line="-2"/>
        <source>node %1</source>
        <translation>ノード %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>namespace %1 (other workloads)</source>
        <translation>名前空間 %1（その他のワークロード）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>pod %1/%2</source>
        <translation>Pod %1/%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubernetes %1</source>
        <translation>Kubernetes %1</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message>
        <location filename="../../services/checks/routescheck.cpp" line="-83"/>
        <source>no Traefik router has Host(`%1`)</source>
        <translation>Host(`%1`) を持つ Traefik ルーターがありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a router for Host(`%1`) with tls.certResolver=%2 on %3 (a label of %4, or the file provider), then docker compose up -d.</source>
        <translation>%3 で tls.certResolver=%2 付きの Host(`%1`) のルーターを追加し（%4 のラベルか file プロバイダーで）、docker compose up -d を実行してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>router %1 is %2</source>
        <translation>ルーター %1 の状態: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>router %1 is %2: %3</source>
        <translation>ルーター %1 の状態: %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fix the router&apos;s configuration on %1 (the error says what), then look at the Traefik dashboard again.</source>
        <translation>%1 でルーターの設定を直してから（内容はエラーを参照）、Traefik ダッシュボードを再度確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>served without TLS by %1 (entry points %2)</source>
        <translation>%1 が TLS なしで提供しています（エントリーポイント %2）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give the router tls.certResolver=%1 on the websecure entry point.</source>
        <translation>websecure エントリーポイントで、ルーターに tls.certResolver=%1 を設定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>router %1 has TLS but no certResolver: its certificate is not renewed by Let&apos;s Encrypt</source>
        <translation>ルーター %1 は TLS ですが certResolver がありません。証明書は Let&apos;s Encrypt で更新されません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set tls.certResolver=%1 on the router (or renew the certificate by hand).</source>
        <translation>ルーターに tls.certResolver=%1 を設定してください（または証明書を手動で更新してください）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>router %1 uses certResolver %2; the inventory says %3</source>
        <translation>ルーター %1 は certResolver %2 を使っていますが、インベントリでは %3 です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use one resolver for every router, or correct the inventory&apos;s ingress.certResolver.</source>
        <translation>すべてのルーターで同じ resolver を使うか、インベントリの ingress.certResolver を直してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>router %1: enabled, TLS, certResolver %2</source>
        <translation>ルーター %1: 有効、TLS、certResolver %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>; router %1 reports: %2</source>
        <translation>。ルーター %1 の報告: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at router %1 in the Traefik dashboard.</source>
        <translation>Traefik ダッシュボードでルーター %1 を確認してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>router %1</source>
        <translation>ルーター %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Fix or remove this router in Traefik&apos;s configuration on %1.</source>
        <translation>%1 の Traefik の設定で、このルーターを直すか削除してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>routes %1, which the inventory does not list</source>
        <translation>インベントリにない %1 をルーティングしています</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the URL to the inventory, or remove the router if it is left over.</source>
        <translation>URL をインベントリに追加するか、使われていない残りのルーターなら削除してください。</translation>
    </message>
</context>
<context>
    <name>CommandFailure</name>
    <message>
        <location filename="../../services/checks/commandfailure.cpp" line="+71"/>
        <source>the host key of %1 changed — possible interception</source>
        <translation>%1 のホスト鍵が変わりました — 通信が傍受されている可能性があります</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 now offers %2 %3; %4 line %5 records %6 %7.</source>
        <translation>%1 が今回提示した鍵は %2 %3 で、%4 の %5 行目の記録は %6 %7 です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The recorded key is in %1 line %2.</source>
        <translation>記録されている鍵は %1 の %2 行目にあります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not connect until you have checked the new key with the host&apos;s owner.</source>
        <translation>新しい鍵をホストの管理者に確認するまで接続しないでください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If %1 was rebuilt and the new key is right, remove the old one with: %2</source>
        <translation>%1 を再構築していて新しい鍵が正しいなら、次のコマンドで古い鍵を削除してください: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the host key of %1 is revoked — do not connect</source>
        <translation>%1 のホスト鍵は失効 (@revoked) しています — 接続しないでください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 offers %2 %3, which %4 line %5 marks @revoked: a key that must not be trusted any more (stolen, or the host was rebuilt). Labdeck ran nothing. Ask the host&apos;s owner which key %6 should have; do not remove the @revoked line to make the check pass.</source>
        <translation>%1 が提示した %2 %3 は %4 の %5 行目で @revoked とされています。もう信頼してはいけない鍵です (盗まれたか、ホストが再構築された)。Labdeck は何も実行していません。%6 が持つべき鍵をホストの管理者に確認してください。チェックを通すために @revoked の行を消さないでください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>could not run: the host key of %1 is not known</source>
        <translation>実行できません: %1 のホスト鍵が未登録です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not run: the host key of %1 is not known (%2 %3)</source>
        <translation>実行できません: %1 のホスト鍵が未登録です (%2 %3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the fingerprint with the host&apos;s owner, then add the key with: %1 (or connect once from the window and accept it).</source>
        <translation>フィンガープリントをホストの管理者に確認してから、次のコマンドで鍵を追加してください: %1 (またはウィンドウから一度接続して鍵を受け入れてください)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
</context>
<context>
    <name>CommandParserText</name>
    <message>
        <location filename="../../app/commandparser.cpp" line="+46"/>
        <source>%1: %2
See: %1 --help</source>
        <translation>%1: %2
詳しくは: %1 --help</translation>
    </message>
</context>
<context>
    <name>ComposeParser</name>
    <message>
        <location filename="../../services/compose/composeparser.cpp" line="+27"/>
        <source>an entry is not a JSON object</source>
        <translation>JSON オブジェクトではないエントリーがあります</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>an entry has no &quot;%1&quot;</source>
        <translation>&quot;%1&quot; のないエントリーがあります</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;Publishers&quot; of %1 is neither a list nor null</source>
        <translation>%1 の &quot;Publishers&quot; がリストでも null でもありません</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>docker compose ls: line %1: not JSON: %2</source>
        <translation>docker compose ls: %1 行目: JSON ではありません: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>docker compose ls: expected a JSON list of projects</source>
        <translation>docker compose ls: プロジェクトの JSON リストではありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>docker compose ls: a project has no &quot;Name&quot;</source>
        <translation>docker compose ls: &quot;Name&quot; のないプロジェクトがあります</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+25"/>
        <source>docker compose ps: line %1: not JSON: %2</source>
        <translation>docker compose ps: %1 行目: JSON ではありません: %2</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>docker compose ps: %1</source>
        <translation>docker compose ps: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>docker compose ps: line %1: %2</source>
        <translation>docker compose ps: %1 行目: %2</translation>
    </message>
</context>
<context>
    <name>DemoLabCommand</name>
    <message>
        <location filename="../../app/demolabcommand.cpp" line="+50"/>
        <source>Serves the demo lab&apos;s Kubernetes API until interrupted (Ctrl+C).</source>
        <translation>デモラボの Kubernetes API を、中断する（Ctrl+C）まで提供します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a kubeconfig for the demo lab to &lt;file&gt; (required).</source>
        <translation>デモラボ用の kubeconfig を &lt;file&gt; に書き出します（必須）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listen on &lt;port&gt; on 127.0.0.1 (default: any free port).</source>
        <translation>127.0.0.1 の &lt;port&gt; で待ち受けます（既定: 空いている任意のポート）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve HTTPS with a certificate authority made for this run (needs openssl).</source>
        <translation>この実行用に作った認証局で HTTPS を提供します（openssl が必要）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Seed the demo lab from this inventory file instead of the built-in lab.</source>
        <translation>組み込みのラボの代わりに、このインベントリファイルからデモラボを作ります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Milliseconds until new pods turn Ready (default 1500).</source>
        <translation>新しい Pod が Ready になるまでのミリ秒（既定 1500）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>labdeck demolab: --kubeconfig FILE is required.</source>
        <translation>labdeck demolab: --kubeconfig FILE の指定が必要です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labdeck demolab: invalid port &quot;%1&quot;.</source>
        <translation>labdeck demolab: ポート &quot;%1&quot; は無効です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labdeck demolab: cannot listen; is the port in use?</source>
        <translation>labdeck demolab: 待ち受けできません。ポートが使用中ではありませんか？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labdeck demolab: --tls needs the openssl command, which was not found.</source>
        <translation>labdeck demolab: --tls には openssl コマンドが必要ですが、見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labdeck demolab: making the TLS certificate failed: %1</source>
        <translation>labdeck demolab: TLS 証明書の作成に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo lab Kubernetes API at %1</source>
        <translation>デモラボの Kubernetes API: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kubeconfig written to %1; use it with:</source>
        <translation>kubeconfig を %1 に書き出しました。次のように使います:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Ctrl+C to stop.</source>
        <translation>Ctrl+C で停止します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note: kubectl (client-go) sends a kubeconfig&apos;s token only over HTTPS, so it gets 401 from this plain HTTP server; use --tls for kubectl.</source>
        <translation>注意: kubectl（client-go）は kubeconfig のトークンを HTTPS でしか送らないため、この平文 HTTP サーバーからは 401 が返ります。kubectl で使うには --tls を付けてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Demo lab stopped.</source>
        <translation>デモラボを停止しました。</translation>
    </message>
</context>
<context>
    <name>ExecApprovalStore</name>
    <message>
        <location filename="../../services/kube/execapproval.cpp" line="+76"/>
        <source>cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a Labdeck exec approval file (%2); it will be replaced, and you will be asked again</source>
        <translation>%1 は Labdeck の exec 承認ファイルではありません（%2）。このファイルは置き換えられ、改めて確認が求められます</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not a JSON object</source>
        <translation>JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>cannot create the folder %1</source>
        <translation>フォルダー %1 を作成できません</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+7"/>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../services/common/format.cpp" line="+21"/>
        <location line="+125"/>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <location line="-123"/>
        <location line="+120"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="-119"/>
        <location line="+116"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 CPU</source>
        <translation>%1 CPU</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation>%1 分前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 h ago</source>
        <translation>%1 時間前</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 d ago</source>
        <translation>%1 日前</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 TiB</source>
        <translation>%1 TiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no value</source>
        <translation>値なし</translation>
    </message>
</context>
<context>
    <name>HealthText</name>
    <message>
        <location filename="../../services/common/health.cpp" line="+9"/>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>critical</source>
        <translation>異常</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>InventoryEditor</name>
    <message>
        <location filename="../../services/manifests/inventoryeditor.cpp" line="+49"/>
        <source>Labdeck is showing its built-in lab, which cannot be changed. Create your own inventory first (copy the built-in one to ~/.config/labdeck/inventory.yaml and start Labdeck with it), then add the URL again.</source>
        <translation>Labdeck は変更できない組み込みのラボを表示しています。先に自分のインベントリを作成してから（組み込みのものを ~/.config/labdeck/inventory.yaml にコピーし、それを使って Labdeck を起動）、もう一度 URL を追加してください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 has no workloads: section; add one by hand, then try again.</source>
        <translation>%1 に workloads: セクションがありません。手動で追加してから、やり直してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:%2: workloads is written on one line; write it as a list (one entry per line) to let Labdeck add to it.</source>
        <translation>%1:%2: workloads が 1 行で書かれています。Labdeck が追記できるよう、リスト形式（1 行に 1 エントリー）で書いてください。</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1:%2: workload %3 already has the URL %4; change it by hand if it moved.</source>
        <translation>%1:%2: ワークロード %3 にはすでに URL %4 があります。移動した場合は手動で変更してください。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The changed inventory would not load, so it was not changed:
%1</source>
        <translation>変更後のインベントリが読み込めないため、変更しませんでした:
%1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 changed since Labdeck read it; nothing was written. Try again.</source>
        <translation>Labdeck が読み込んだ後に %1 が変更されました。何も書き込んでいません。もう一度やり直してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>%1.bak: cannot keep a backup (%2); nothing was written.</source>
        <translation>%1.bak: バックアップを残せません（%2）。何も書き込んでいません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>%1: cannot write: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1: cannot write: %2; the inventory was left as it was.</source>
        <translation>%1: 書き込めません: %2。インベントリは元のままです。</translation>
    </message>
</context>
<context>
    <name>InventoryLoader</name>
    <message>
        <location filename="../../services/inventory/inventoryloader.cpp" line="+792"/>
        <source>cannot read the inventory: %1</source>
        <translation>インベントリを読み込めません: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no such file; create it (labdeck inventory --print-default writes the default lab to start from) or pass another file with --inventory</source>
        <translation>ファイルがありません。作成するか（labdeck inventory --print-default で、たたき台になる既定のラボを出力できます）、--inventory で別のファイルを指定してください</translation>
    </message>
</context>
<context>
    <name>InventoryLocator</name>
    <message>
        <location filename="../../services/inventory/inventorylocator.cpp" line="+29"/>
        <source>%1 (from --inventory)</source>
        <translation>%1（--inventory で指定）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (user inventory)</source>
        <translation>%1（ユーザーのインベントリ）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>built-in default lab</source>
        <translation>組み込みの既定ラボ</translation>
    </message>
</context>
<context>
    <name>KubeConfig</name>
    <message>
        <location filename="../../services/kube/kubeconfig.cpp" line="+63"/>
        <source>holds the placeholder &quot;%1&quot; that &quot;kubectl config view&quot; prints instead of the data; export the kubeconfig with &quot;kubectl config view --raw&quot;</source>
        <translation>「kubectl config view」がデータの代わりに出力するプレースホルダー「%1」が入っています。kubeconfig は「kubectl config view --raw」で書き出してください</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>is a directory; a kubeconfig is a file</source>
        <translation>ディレクトリです。kubeconfig はファイルです</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is not a regular file (a pipe or a device); a kubeconfig is a file</source>
        <translation>通常のファイルではありません（パイプまたはデバイス）。kubeconfig はファイルである必要があります</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read the kubeconfig: %1</source>
        <translation>kubeconfig を読み込めません: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the file is empty; a kubeconfig lists clusters, users and contexts (copy one from your cluster, e.g. kind get kubeconfig, /etc/rancher/k3s/k3s.yaml or /etc/kubernetes/admin.conf)</source>
        <translation>ファイルが空です。kubeconfig には clusters、users、contexts を記述します（クラスターからコピーしてください。例: kind get kubeconfig、/etc/rancher/k3s/k3s.yaml、/etc/kubernetes/admin.conf）</translation>
    </message>
</context>
<context>
    <name>KubeConfigParser</name>
    <message>
        <location filename="../../services/kube/kubeconfigparser.cpp" line="+262"/>
        <source>a mapping</source>
        <translation>マッピング</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number (put it in quotes to make it text)</source>
        <translation>数値（文字列にするには引用符で囲んでください）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a true/false value (put it in quotes to make it text)</source>
        <translation>真偽値（文字列にするには引用符で囲んでください）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text</source>
        <translation>文字列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>keys must be plain words, found %1</source>
        <translation>キーには単純な文字列を使ってください。実際は%1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>expected a mapping (key: value), found %1</source>
        <translation>マッピング（キー: 値）が必要です。実際は%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected a list, found %1</source>
        <translation>リストが必要です。実際は%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+64"/>
        <source>expected text, found %1</source>
        <translation>文字列が必要です。実際は%1</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>expected true or false, found text (write true or false without quotes)</source>
        <translation>true か false が必要ですが、文字列になっています（true や false は引用符なしで書いてください）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected true or false, found %1</source>
        <translation>true か false が必要です。実際は%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>is not valid base64 (illegal base64 data at input byte %1); *-data fields hold base64 of the PEM file, e.g. the output of: base64 -w0 ca.crt</source>
        <translation>有効な base64 ではありません（入力の %1 バイト目が不正）。*-data フィールドには PEM ファイルを base64 にしたもの（例: base64 -w0 ca.crt の出力）を書きます</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>is empty; ignored</source>
        <translation>空なので無視します</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is missing, so nothing can refer to this entry; ignored</source>
        <translation>ありません。どこからもこのエントリーを参照できないため、無視します</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>duplicate name &quot;%1&quot; in %2 (first on line %3)</source>
        <translation>%2 で名前「%1」が重複しています（最初は %3 行目）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>&quot;%1&quot; is not an API server URL like https://192.168.1.10:6443</source>
        <translation>「%1」は API サーバーの URL（例: https://192.168.1.10:6443）ではありません</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>is not a proxy URL; kubectl accepts http://, https:// and socks5:// URLs with a host</source>
        <translation>プロキシの URL ではありません。kubectl が受け付けるのは、ホストを含む http://、https://、socks5:// の URL です</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>https:// proxies are not supported: Labdeck would talk to the proxy in plain HTTP. Use socks5:// or an http:// proxy on a network you trust</source>
        <translation>https:// のプロキシには対応していません: Labdeck はプロキシと平文の HTTP で通信してしまいます。socks5:// か、信頼できるネットワーク上の http:// プロキシを使ってください</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>expected a kubeconfig (a mapping with clusters, users and contexts), found %1</source>
        <translation>kubeconfig（clusters、users、contexts を持つマッピング）が必要です。実際は%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a kubeconfig version; kubectl reads apiVersion v1</source>
        <translation>「%1」は kubeconfig のバージョンではありません。kubectl が読めるのは apiVersion v1 です</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a kubeconfig; a kubeconfig has kind: Config</source>
        <translation>「%1」は kubeconfig ではありません。kubeconfig は kind: Config です</translation>
    </message>
</context>
<context>
    <name>KubeNames</name>
    <message>
        <location filename="../../services/common/kubenames.cpp" line="+59"/>
        <source>&quot;%1&quot; is not a valid name: a namespace name is a lowercase RFC 1123 label (at most 63 of a-z, 0-9 and &apos;-&apos;, starting and ending with a letter or digit)</source>
        <translation>「%1」は有効な名前ではありません: 名前空間の名前は小文字の RFC 1123 ラベルです（a-z、0-9、&apos;-&apos; の最大 63 文字で、先頭と末尾は英字か数字）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot; is not a valid name: a Service name is an RFC 1035 label (at most 63 of a-z, 0-9 and &apos;-&apos;, starting with a letter and ending with a letter or digit)</source>
        <translation>「%1」は有効な名前ではありません: Service の名前は RFC 1035 ラベルです（a-z、0-9、&apos;-&apos; の最大 63 文字で、先頭は英字、末尾は英字か数字）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not a valid name: it must be a lowercase RFC 1123 subdomain (at most 253 of a-z, 0-9, &apos;-&apos; and &apos;.&apos;, each dot-separated part starting and ending with a letter or digit)</source>
        <translation>「%1」は有効な名前ではありません: 小文字の RFC 1123 サブドメインである必要があります（a-z、0-9、&apos;-&apos;、&apos;.&apos; の最大 253 文字で、ドットで区切った各部分の先頭と末尾は英字か数字）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is not a valid namespace: a namespace is a lowercase RFC 1123 label (at most 63 of a-z, 0-9 and &apos;-&apos;, starting and ending with a letter or digit)</source>
        <translation>「%1」は有効な名前空間ではありません: 名前空間は小文字の RFC 1123 ラベルです（a-z、0-9、&apos;-&apos; の最大 63 文字で、先頭と末尾は英字か数字）</translation>
    </message>
</context>
<context>
    <name>KubeStatusText</name>
    <message>
        <location filename="../../services/kube/kubestatus.cpp" line="+70"/>
        <source>the credentials were refused; check the user of this kubeconfig context or log in again</source>
        <translation>認証情報が拒否されました。この kubeconfig コンテキストのユーザーを確認するか、ログインし直してください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this user may not do that; ask for the RBAC permission or use another context</source>
        <translation>このユーザーにはその操作の権限がありません。RBAC の権限を付与してもらうか、別のコンテキストを使ってください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it may have been deleted or renamed; refresh and try again</source>
        <translation>削除されたか、名前が変わった可能性があります。更新してからやり直してください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>another field manager owns these fields; apply with force to take them over</source>
        <translation>これらのフィールドは別のフィールドマネージャーが管理しています。引き継ぐには force を付けて apply してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the object changed meanwhile; refresh and try again</source>
        <translation>その間にオブジェクトが変更されました。更新してからやり直してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the data was too old; Labdeck lists again</source>
        <translation>データが古すぎました。Labdeck が一覧を取得し直します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the object is not valid; see the fields named above</source>
        <translation>オブジェクトが正しくありません。上に挙げたフィールドを確認してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the API server is busy; Labdeck retries after a pause</source>
        <translation>API サーバーが混み合っています。Labdeck が少し待ってから再試行します</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the API server had a problem; Labdeck retries after a pause</source>
        <translation>API サーバーで問題が発生しました。Labdeck が少し待ってから再試行します</translation>
    </message>
</context>
<context>
    <name>LabReconciler</name>
    <message>
        <location filename="../../services/kube/labreconcile.cpp" line="+28"/>
        <source>not in the inventory; %1</source>
        <translation>インベントリにありません。%1</translation>
    </message>
</context>
<context>
    <name>ManifestFolder</name>
    <message>
        <location filename="../../services/manifests/writeplan.cpp" line="+352"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: larger than %2 MiB; not a manifest Labdeck reads</source>
        <translation>%1: %2 MiB を超えています。Labdeck はマニフェストとして読み込みません</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not a Kubernetes object (a YAML map with kind and metadata)</source>
        <translation>Kubernetes オブジェクトではありません（kind と metadata を持つ YAML マップが必要です）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>apiVersion, kind and metadata.name are required</source>
        <translation>apiVersion、kind、metadata.name は必須です</translation>
    </message>
</context>
<context>
    <name>MetricsExposition</name>
    <message>
        <location filename="../../services/checks/exporter.cpp" line="+196"/>
        <source>cannot write %1: the directory %2 does not exist</source>
        <translation>%1 に書き込めません: ディレクトリ %2 がありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot write %1: %2 is not a directory</source>
        <translation>%1 に書き込めません: %2 はディレクトリではありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+6"/>
        <source>cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>NvidiaSmi</name>
    <message>
        <location filename="../../services/gpu/nvidiasmi.cpp" line="+59"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: line %2: %3 values for %4 fields (cut off or a different query?)</source>
        <translation>%1: %2 行目: %4 個のフィールドに対して値が %3 個です（途中で切れたか、別のクエリーではありませんか？）</translation>
    </message>
    <message>
        <location line="+107"/>
        <location line="+47"/>
        <source>%1: line %2: %3: not a number: &quot;%4&quot;</source>
        <translation>%1: %2 行目: %3: 数値ではありません: 「%4」</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+46"/>
        <source>%1: line %2: %3: out of range: &quot;%4&quot;</source>
        <translation>%1: %2 行目: %3: 範囲外の値です: &quot;%4&quot;</translation>
    </message>
</context>
<context>
    <name>OllamaParser</name>
    <message>
        <location filename="../../services/ollama/ollamaparser.cpp" line="+20"/>
        <source>Ollama %1: line %2: not JSON: %3</source>
        <translation>Ollama %1: %2 行目: JSON ではありません: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Ollama %1: expected a JSON object</source>
        <translation>Ollama %1: JSON オブジェクトではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ollama %1: %2</source>
        <translation>Ollama %1: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ollama %1: no &quot;models&quot; list</source>
        <translation>Ollama %1: &quot;models&quot; リストがありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ollama %1: a model has no name</source>
        <translation>Ollama %1: 名前のないモデルがあります</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>100% CPU</source>
        <translation>100% CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>100% GPU</source>
        <translation>100% GPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1%/%2% CPU/GPU</source>
        <translation>%1%/%2% CPU/GPU</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>stopping…</source>
        <translation>停止中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forever</source>
        <translation>無期限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in %1 s</source>
        <translation>%1 秒後</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in %1 min</source>
        <translation>%1 分後</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in %1 h</source>
        <translation>%1 時間後</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ollama /api/version: no &quot;version&quot;</source>
        <translation>Ollama /api/version: &quot;version&quot; がありません</translation>
    </message>
</context>
<context>
    <name>OptionText</name>
    <message>
        <location filename="../../services/checks/check.cpp" line="+74"/>
        <source>--resolve %1: write HOST:PORT:ADDRESS, e.g. ha.example.com:443:127.0.0.1</source>
        <translation>--resolve %1: HOST:PORT:ADDRESS の形式で指定してください（例: ha.example.com:443:127.0.0.1）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--connect-to %1: write HOST:PORT:ADDRESS:PORT2, e.g. ha.example.com:443:127.0.0.1:8443</source>
        <translation>--connect-to %1: HOST:PORT:ADDRESS:PORT2 の形式で指定してください（例: ha.example.com:443:127.0.0.1:8443）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--ca-file %1: %2</source>
        <translation>--ca-file %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--ca-file %1: no PEM certificate in the file</source>
        <translation>--ca-file %1: ファイルに PEM 形式の証明書がありません</translation>
    </message>
</context>
<context>
    <name>RemoteModelsText</name>
    <message>
        <location filename="../../models/remotemodels.cpp" line="+11"/>
        <source>not fetched yet</source>
        <translation>未取得</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not fetched: %1</source>
        <translation>未取得: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fetched %1</source>
        <translation>%1に取得</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stale, %1: %2</source>
        <translation>古いデータ（%1）: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no recent update</source>
        <translation>最近の更新がありません</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>n/a</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+152"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>Ports</source>
        <translation>ポート</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Process</source>
        <translation>プロセス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>GPU memory</source>
        <translation>GPU メモリ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Model</source>
        <translation>モデル</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+30"/>
        <source>Size</source>
        <translation>サイズ</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Family</source>
        <translation>ファミリー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Parameters</source>
        <translation>パラメーター数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quantisation</source>
        <translation>量子化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Modified</source>
        <translation>更新日時</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Loaded model</source>
        <translation>ロード済みモデル</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>VRAM</source>
        <translation>VRAM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Processor</source>
        <translation>プロセッサー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unloads</source>
        <translation>アンロード予定</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Context</source>
        <translation>コンテキスト長</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>not in the tailnet</source>
        <translation>tailnet にありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>status host</source>
        <translation>状態取得ホスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline · last seen %1</source>
        <translation>オフライン · 最終確認 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+22"/>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>online · %1</source>
        <translation>オンライン · %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailscale name</source>
        <translation>Tailscale 名</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../models/remotestatus.cpp" line="+140"/>
        <source>missing</source>
        <translation>不在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Path</source>
        <translation>経路</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last seen</source>
        <translation>最終確認</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location filename="../../models/remotestatus.cpp" line="-54"/>
        <source>no compose host in the inventory</source>
        <translation>インベントリに Compose ホストがありません</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>no compose listing yet</source>
        <translation>Compose の一覧をまだ取得していません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compose listed project %1</source>
        <translation>Compose でプロジェクト %1 を確認しました</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not listed yet</source>
        <translation>まだ一覧を取得していません</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compose lists no container of %1 in project %2</source>
        <translation>Compose のプロジェクト %2 に %1 のコンテナーがありません</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no Tailscale status host in the inventory</source>
        <translation>インベントリに Tailscale の状態取得ホストがありません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no Tailscale status yet</source>
        <translation>Tailscale の状態をまだ取得していません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no GPU server in the inventory</source>
        <translation>インベントリに GPU サーバーがありません</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>no GPU reading yet</source>
        <translation>GPU の値をまだ読み取っていません</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>down</source>
        <translation>ダウン</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Ollama %1 · %2 models installed · %3 loaded</source>
        <translation>Ollama %1 · モデル %2 個インストール済み · %3 個ロード済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 loaded</source>
        <translation>%1 個ロード済み</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>GPU %1%</source>
        <translation>GPU %1%</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VRAM %1/%2 GiB</source>
        <translation>VRAM %1/%2 GiB</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>1 model loaded</source>
        <translation>モデル 1 個ロード済み</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 models loaded</source>
        <translation>モデル %1 個ロード済み</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+15"/>
        <source>%1 (stale)</source>
        <translation>%1（古いデータ）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Tailscale %1</source>
        <translation>Tailscale %1</translation>
    </message>
</context>
<context>
    <name>SimulatedFailures</name>
    <message>
        <location filename="../../services/lab/simulatedfailures.cpp" line="+70"/>
        <source>Stop kubelet on %1</source>
        <translation>%1 の kubelet を停止</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory pressure on %1</source>
        <translation>%1 でメモリ逼迫</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OOM-kill %1</source>
        <translation>%1 を OOM で強制終了</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Roll out a bad image to %1</source>
        <translation>%1 に存在しないイメージをロールアウト</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deny %1 to the demo user (%2)</source>
        <translation>デモユーザー（%2）に %1 を拒否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the metrics API (metrics.k8s.io)</source>
        <translation>メトリクス API（metrics.k8s.io）を削除</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Page every list by %n item(s)</source>
        <translation>
            <numerusform>すべての一覧を %n 件ずつページ分割</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expire certificate of https://%1</source>
        <translation>https://%1 の証明書を期限切れにする</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Take %1&apos;s tunnel offline</source>
        <translation>%1 のトンネルをオフラインにする</translation>
    </message>
</context>
<context>
    <name>SpecCheck</name>
    <message>
        <location filename="../../services/manifests/servicespec.cpp" line="+75"/>
        <source>%1 (inventory)</source>
        <translation>%1（インベントリ）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1/%2 (cluster)</source>
        <translation>%1/%2（クラスター）</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be at most 63 characters (it has %1)</source>
        <translation>63 文字以内にしてください（現在 %1 文字）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>may contain only lowercase letters, digits and &apos;-&apos; (not &apos;%1&apos;)</source>
        <translation>使えるのは英小文字、数字、「-」だけです（「%1」は使えません）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>must start and end with a letter or digit</source>
        <translation>先頭と末尾は英小文字か数字にしてください</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Name %1.</source>
        <translation>名前: %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name must be at most 58 characters with storage (the claim is &lt;name&gt;-data).</source>
        <translation>ストレージを使う場合、名前は 58 文字以内にしてください（PVC 名が &lt;name&gt;-data になるため）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace %1.</source>
        <translation>Namespace: %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Namespace %1 already exists; its file is written anyway.</source>
        <translation>Namespace %1 はすでに存在します。ファイルはそのまま書き出します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Namespace %1 does not exist; choose &quot;new namespace&quot; to create it.</source>
        <translation>Namespace %1 は存在しません。作成する場合は Namespace の作成を選んでください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Image is required, e.g. registry.example.com/%1.</source>
        <translation>イメージは必須です（例: registry.example.com/%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Image &quot;%1&quot; is not a repository name: lowercase letters, digits, &apos;.&apos;, &apos;-&apos;, &apos;_&apos; and &apos;/&apos; (the tag goes in its own field).</source>
        <translation>イメージ「%1」はリポジトリ名ではありません。使えるのは英小文字、数字、「.」「-」「_」「/」です（タグは専用の欄に入力します）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tag must be 1–128 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>タグは英数字と「_」「.」「-」の 1～128 文字で、先頭は「.」「-」以外にしてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Container port must be 1–65535.</source>
        <translation>コンテナーポートは 1～65535 にしてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replicas must be 0–20 on these nodes.</source>
        <translation>これらのノードでは、レプリカ数は 0～20 にしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>NodePort must be in 30000–32767 (the cluster&apos;s range).</source>
        <translation>NodePort は 30000～32767（クラスターの範囲）にしてください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NodePort %1 is already used by %2.</source>
        <translation>NodePort %1 は %2 がすでに使っています。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Public host &quot;%1&quot; is not a DNS name such as app.example.com.</source>
        <translation>公開ホスト「%1」は app.example.com のような DNS 名ではありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A public URL needs a NodePort: Traefik on pochama routes to it.</source>
        <translation>公開 URL には NodePort が必要です。pochama の Traefik がそこへルーティングします。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>CPU &quot;%1&quot; is not a quantity such as 250m or 0.5.</source>
        <translation>CPU「%1」は 250m や 0.5 のような数量ではありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory &quot;%1&quot; is not a quantity such as 256Mi or 1Gi.</source>
        <translation>メモリ「%1」は 256Mi や 1Gi のような数量ではありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CPU limit must not be below the request (%1).</source>
        <translation>CPU の制限値は要求値（%1）以上にしてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory limit must not be below the request (%1).</source>
        <translation>メモリの制限値は要求値（%1）以上にしてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CPU limit %1 is more than %2 can give (%3m).</source>
        <translation>CPU の制限値 %1 は、%2 が割り当てられる量（%3m）を超えています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Memory limit %1 is more than %2 can give (%3 MiB).</source>
        <translation>メモリの制限値 %1 は、%2 が割り当てられる量（%3 MiB）を超えています。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 would have %2m of %3m CPU requested: new pods may stay Pending.</source>
        <translation>%1 の CPU 要求が %3m 中 %2m になります。新しい Pod が Pending のままになる可能性があります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 would have %2 MiB of %3 MiB memory requested: new pods may stay Pending.</source>
        <translation>%1 のメモリ要求が %3 MiB 中 %2 MiB になります。新しい Pod が Pending のままになる可能性があります。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Variable &quot;%1&quot; (row %2): use letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, not starting with a digit.</source>
        <translation>変数「%1」（%2 行目）: 英字、数字、「_」「.」「-」を使い、数字で始めないでください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Variable %1 is set twice (row %2).</source>
        <translation>変数 %1 が 2 回設定されています（%2 行目）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Size &quot;%1&quot; is not a quantity such as 1Gi.</source>
        <translation>サイズ「%1」は 1Gi のような数量ではありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mount path must be absolute, such as /data, without &apos;:&apos;.</source>
        <translation>マウントパスは /data のような絶対パスにし、「:」を含めないでください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Probe path must start with &apos;/&apos;.</source>
        <translation>プローブのパスは「/」で始めてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Probe period must be at least 1 s and the delay not negative.</source>
        <translation>プローブの間隔は 1 秒以上、遅延は 0 以上にしてください。</translation>
    </message>
</context>
<context>
    <name>SshConfig</name>
    <message>
        <location filename="../../services/ssh/sshconfig.cpp" line="+337"/>
        <source>~/.ssh/config gives %1 a ProxyCommand (%2), which Labdeck does not run; use ProxyJump for a jump host, or connect without a proxy</source>
        <translation>~/.ssh/config は %1 に ProxyCommand (%2) を指定していますが、Labdeck はこれを実行しません。踏み台ホストには ProxyJump を使うか、プロキシなしで接続してください</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the ProxyJump of %1 in ~/.ssh/config (%2) is not a list of [user@]host[:port]: %3 is not one</source>
        <translation>~/.ssh/config の %1 の ProxyJump (%2) が [user@]host[:port] のリストではありません: %3 がその形ではありません</translation>
    </message>
</context>
<context>
    <name>StatusParser</name>
    <message>
        <location filename="../../services/tailscale/tailscalestatus.cpp" line="+62"/>
        <source>direct %1</source>
        <translation>直接 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>peer relay %1</source>
        <translation>ピアリレー %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DERP %1</source>
        <translation>DERP %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no path yet</source>
        <translation>経路なし (確立中)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>idle (no traffic lately)</source>
        <translation>アイドル (最近の通信なし)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>tailscale status: line %1: not JSON: %2</source>
        <translation>tailscale status: %1 行目: JSON ではありません: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>tailscale status: no &quot;BackendState&quot;; is this the output of tailscale status --json?</source>
        <translation>tailscale status: &quot;BackendState&quot; がありません。tailscale status --json の出力ですか？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>tailscale status: no &quot;Self&quot; node although the backend is running</source>
        <translation>tailscale status: バックエンドは動作中なのに &quot;Self&quot; ノードがありません</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>tailscale status: peer %1 is not a JSON object</source>
        <translation>tailscale status: ピア %1 が JSON オブジェクトではありません</translation>
    </message>
</context>
<context>
    <name>StepText</name>
    <message>
        <location filename="../../services/remote/commandtransport.cpp" line="+9"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name lookup</source>
        <translation>名前解決</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host key</source>
        <translation>ホスト鍵</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>authentication</source>
        <translation>認証</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timeout</source>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>TraefikRouters</name>
    <message>
        <location filename="../../services/checks/traefikrouters.cpp" line="+67"/>
        <source>Traefik&apos;s router list is not JSON (at byte %1: %2)</source>
        <translation>Traefik のルーター一覧が JSON ではありません（%1 バイト目: %2）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Traefik&apos;s router list holds something that is not a router object</source>
        <translation>Traefik のルーター一覧にルーターオブジェクトでないものが含まれています</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a router in Traefik&apos;s list has no name: is this /api/http/routers?</source>
        <translation>Traefik の一覧に名前のないルーターがあります。/api/http/routers の出力ですか？</translation>
    </message>
</context>
<context>
    <name>Verdicts</name>
    <message>
        <location filename="../../services/kube/verdicts.cpp" line="+21"/>
        <source>at an unknown time</source>
        <translation>時刻不明</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+31"/>
        <source> — exec format error: the image is not built for this node&apos;s CPU (%1); use an image with a linux/%1 variant</source>
        <translation> — exec format error: イメージがこのノードの CPU（%1）向けにビルドされていません。linux/%1 版のあるイメージを使ってください</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>reports no Ready condition yet (it has just joined, or its kubelet never posted a status)</source>
        <translation>Ready 状態をまだ報告していません（参加した直後か、kubelet が一度も状態を送っていません）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kubectl describe node %1; on the node: systemctl status kubelet</source>
        <translation>kubectl describe node %1。ノード上で: systemctl status kubelet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no status</source>
        <translation>状態なし</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Kubelet stopped posting node status.</source>
        <translation>Kubelet がノードの状態の送信を止めました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NotReady (unreachable): %1 Last heartbeat %2, NotReady since %3</source>
        <translation>NotReady（到達不能）: %1 最後のハートビートは %2、%3 から NotReady</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The node or its kubelet is down (power, kernel, network, or the cloud reclaimed it). kubectl describe node %1; on the node: systemctl status kubelet and journalctl -u kubelet. Its pods are evicted about 5 minutes after it became unreachable.</source>
        <translation>ノードか kubelet が停止しています（電源、カーネル、ネットワーク、またはクラウドによる回収）。kubectl describe node %1。ノード上で: systemctl status kubelet と journalctl -u kubelet。到達不能になってから約 5 分でその Pod は退避されます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>NotReady: %1 (%2), since %3</source>
        <translation>NotReady: %1（%2）、%3 から</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason given</source>
        <translation>理由の記載なし</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kubectl describe node %1; on the node: systemctl status kubelet and journalctl -u kubelet.</source>
        <translation>kubectl describe node %1。ノード上で: systemctl status kubelet と journalctl -u kubelet。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>; tainted not-ready</source>
        <translation>。not-ready の taint 付き</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready, kubelet %1</source>
        <translation>Ready、kubelet %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>memory pressure</source>
        <translation>メモリ逼迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disk pressure</source>
        <translation>ディスク逼迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PID pressure</source>
        <translation>PID 逼迫</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>network unavailable</source>
        <translation>ネットワーク利用不可</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+102"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Pods are evicted when the pressure lasts: see what uses the node with kubectl describe node %1 (requests and limits per pod) and kubectl top pods -A --sort-by=memory; lower limits, move workloads or add capacity.</source>
        <translation>逼迫が続くと Pod が退避されます。kubectl describe node %1（Pod ごとの requests と limits）と kubectl top pods -A --sort-by=memory で何がノードを使っているか確認し、limits を下げるか、ワークロードを移すか、容量を増やしてください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>; cordoned: no new pods are scheduled on it</source>
        <translation>。cordon 済み: 新しい Pod はスケジュールされません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cordoned</source>
        <translation>cordon 済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kubectl uncordon %1 when its maintenance is over.</source>
        <translation>メンテナンスが終わったら kubectl uncordon %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>kubectl -n %1 describe pod %2</source>
        <translation>kubectl -n %1 describe pod %2</translation>
    </message>
    <message>
        <location filename="../../services/kube/labjudgement.cpp" line="+236"/>
        <location filename="../../services/kube/verdicts.cpp" line="+11"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message numerus="yes">
        <location filename="../../services/kube/verdicts.cpp" line="+2"/>
        <source>OOMKilled: container %1 used more than its memory limit %2 (request %3; node %4 has %5 allocatable); CrashLoopBackOff, %n restart(s), last %6</source>
        <translation>
            <numerusform>OOMKilled: コンテナー %1 がメモリ上限 %2 を超えました（request %3、ノード %4 の割り当て可能量 %5）。CrashLoopBackOff、再起動 %n 回、最後は %6</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raise its memory limit or find what grows: %1; kubectl -n %2 logs %3 -c %4 --previous</source>
        <translation>メモリ上限を上げるか、増え続けるものを探してください: %1。kubectl -n %2 logs %3 -c %4 --previous</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>last exit %1 (exit code %2) %3</source>
        <translation>最後の終了は %1（終了コード %2）%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no exit recorded yet</source>
        <translation>終了の記録はまだありません</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>CrashLoopBackOff: container %1 keeps exiting, %2; %n restart(s)</source>
        <translation>
            <numerusform>CrashLoopBackOff: コンテナー %1 が終了を繰り返しています。%2。再起動 %n 回</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read why it stopped: kubectl -n %1 logs %2 -c %3 --previous</source>
        <translation>止まった理由を読んでください: kubectl -n %1 logs %2 -c %3 --previous</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>init container: %1</source>
        <translation>init コンテナー: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: cannot pull image %2: %3</source>
        <translation>%1: イメージ %2 を取得できません: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no message from the registry</source>
        <translation>レジストリからのメッセージなし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the image name and tag, that the registry answers, and its credentials (imagePullSecrets): %1</source>
        <translation>イメージ名とタグ、レジストリが応答するか、その認証情報（imagePullSecrets）を確認してください: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CreateContainerConfigError: %1</source>
        <translation>CreateContainerConfigError: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its configuration is invalid</source>
        <translation>設定が不正です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create the Secret or ConfigMap the message names, or correct the reference in the manifest: %1</source>
        <translation>メッセージにある Secret か ConfigMap を作成するか、マニフェストの参照を直してください: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>OOMKilled: container %1 used more than its memory limit %2 (request %3), %4</source>
        <translation>OOMKilled: コンテナー %1 がメモリ上限 %2（request %3）を超えました、%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Raise its memory limit or find what grows: %1</source>
        <translation>メモリ上限を上げるか、増え続けるものを探してください: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>container %1 cannot start its program</source>
        <translation>コンテナー %1 がプログラムを起動できません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kubectl -n %1 logs %2 -c %3 --previous</source>
        <translation>kubectl -n %1 logs %2 -c %3 --previous</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evicted: %1</source>
        <translation>Evicted: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its replacement runs elsewhere if it has an owner. See why: %1; remove it: kubectl -n %2 delete pod %3</source>
        <translation>所有者がいれば代わりの Pod が別の場所で動きます。理由: %1。削除: kubectl -n %2 delete pod %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>stuck Terminating: its grace period ended %1</source>
        <translation>Terminating のまま止まっています: 猶予期間は %1 に終わりました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its node may be down, or a finalizer holds it: %1. Force it only when the node is gone: kubectl -n %2 delete pod %3 --grace-period=0 --force</source>
        <translation>ノードが停止しているか、finalizer が保持しています: %1。ノードが無くなった場合にのみ強制してください: kubectl -n %2 delete pod %3 --grace-period=0 --force</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Terminating</source>
        <translation>Terminating</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failed: %1</source>
        <translation>Failed: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unschedulable: %1</source>
        <translation>Unschedulable: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no node fits it</source>
        <translation>合うノードがありません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free resources on a node, or correct its nodeSelector, affinity or tolerations: %1</source>
        <translation>ノードのリソースを空けるか、nodeSelector、affinity、tolerations を直してください: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>starting (%1)</source>
        <translation>起動中（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pending for %1 min (%2)</source>
        <translation>%1 分間 Pending（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 says why (resources, node selector, volume).</source>
        <translation>%1 で理由が分かります（リソース、ノードセレクター、ボリューム）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Running, but not Ready</source>
        <translation>Running ですが Ready ではありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running, %1 of %2 containers ready</source>
        <translation>Running、コンテナー %2 個中 %1 個が準備完了</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Its readiness probe fails: %1</source>
        <translation>readiness プローブが失敗しています: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no status yet</source>
        <translation>まだ状態がありません</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>phase %1</source>
        <translation>フェーズ %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>node %1 unreachable since %2 — state may be stale; last known: %3</source>
        <translation>ノード %1 は %2 から到達不能 — 状態は古い可能性があります。最後に分かった状態: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+110"/>
        <source>kubectl describe node %1</source>
        <translation>kubectl describe node %1</translation>
    </message>
    <message>
        <location filename="../../services/kube/labjudgement.cpp" line="-32"/>
        <location filename="../../services/kube/verdicts.cpp" line="-109"/>
        <source>stale</source>
        <translation>古い情報</translation>
    </message>
    <message>
        <location filename="../../services/kube/verdicts.cpp" line="+12"/>
        <source>%1 of %2 ready</source>
        <translation>%2 中 %1 が準備完了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ready, %2 updated of %3 desired</source>
        <translation>準備完了 %1、更新済み %2、希望数 %3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1; %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>rollout stuck (ProgressDeadlineExceeded): %1 %2</source>
        <translation>ロールアウトが止まっています（ProgressDeadlineExceeded）: %1 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kubectl -n %1 rollout status %2; go back to the last good version: kubectl -n %1 rollout undo %2</source>
        <translation>kubectl -n %1 rollout status %2。最後に正常だった版に戻す: kubectl -n %1 rollout undo %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rollout stuck</source>
        <translation>ロールアウト停止</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ReplicaFailure: %1; %2</source>
        <translation>ReplicaFailure: %1。%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>kubectl -n %1 describe %2</source>
        <translation>kubectl -n %1 describe %2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>scaled to 0: nothing serves it</source>
        <translation>0 にスケール済み: 何も提供していません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kubectl -n %1 scale %2 --replicas=1</source>
        <translation>kubectl -n %1 scale %2 --replicas=1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scaled to 0</source>
        <translation>0 にスケール済み</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>kubectl -n %1 get pods -o wide</source>
        <translation>kubectl -n %1 get pods -o wide</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rolling out: %1 of %2 updated, %3 ready</source>
        <translation>ロールアウト中: %2 中 %1 を更新、%3 が準備完了</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>all its pods are on %1, which is NotReady — state may be stale; last known: %2</source>
        <translation>すべての Pod が NotReady の %1 上にあります — 状態は古い可能性があります。最後に分かった状態: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 of its %2 pods are on %3, which is NotReady — state may be stale; %4</source>
        <translation>%2 個の Pod のうち %1 個が NotReady の %3 上にあります — 状態は古い可能性があります。%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>node down</source>
        <translation>ノード停止</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>this user may not %1 %2</source>
        <translation>このユーザーは %2 を %1 できません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the API server does not serve %1</source>
        <translation>API サーバーは %1 を提供していません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read: %2 (next try at %3)</source>
        <translation>%1 を読めません: %2（次の試行は %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 を読めません: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 are being listed</source>
        <translation>%1 を一覧取得中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 not read yet</source>
        <translation>%1 はまだ読んでいません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 are live</source>
        <translation>%1 はライブです</translation>
    </message>
    <message>
        <location filename="../../services/kube/labjudgement.cpp" line="-189"/>
        <source>unknown: %1</source>
        <translation>不明: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>could not read %1: %2</source>
        <translation>%1 を読めませんでした: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Everything else is still read. To see %1, ask for list and watch on it (kubectl auth can-i list %1 -A) or use a context that may read it.</source>
        <translation>それ以外は引き続き読み込まれます。%1 を見るには list と watch の権限を依頼するか（kubectl auth can-i list %1 -A）、読めるコンテキストを使ってください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Install what serves it (metrics-server serves metrics.k8s.io), or ignore this.</source>
        <translation>それを提供するものを導入してください（metrics.k8s.io は metrics-server が提供します）。不要なら無視してかまいません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Labdeck retries by itself; kubectl get --raw /readyz tells whether the API server answers.</source>
        <translation>Labdeck は自動で再試行します。API サーバーが応答するかは kubectl get --raw /readyz で分かります。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>the inventory lists %1, but the cluster has no such node</source>
        <translation>インベントリには %1 がありますが、クラスターにそのノードはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Has %1 left the cluster? kubectl get nodes; rejoin it with kubeadm join, or correct sources.kubernetesNode in the inventory.</source>
        <translation>%1 はクラスターから外れましたか？ kubectl get nodes。kubeadm join で再参加させるか、インベントリの sources.kubernetesNode を直してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+66"/>
        <location line="+82"/>
        <source>missing</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>no pod of %1 found in kube-system</source>
        <translation>kube-system に %1 の Pod がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kubectl -n kube-system get pods -o wide</source>
        <translation>kubectl -n kube-system get pods -o wide</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2 pods ready on %3</source>
        <translation>%3 で %2 個中 %1 個の Pod が準備完了</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>missing: the inventory puts it on %1, the cluster has no %2 %3 in namespace %4</source>
        <translation>見つかりません: インベントリでは %1 上ですが、クラスターの名前空間 %4 に %2 %3 はありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply its manifest again (kubectl apply -f …), or remove it from the inventory.</source>
        <translation>マニフェストを再適用するか（kubectl apply -f …）、インベントリから外してください。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 on %2</source>
        <translation>%1（%2 上）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, but the inventory puts it on %2</source>
        <translation>%1。ただしインベントリでは %2 上です</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check its nodeSelector (role label of %1) or correct the inventory.</source>
        <translation>nodeSelector（%1 の role ラベル）を確認するか、インベントリを直してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>on %1</source>
        <translation>%1 上</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (it is a %2; the inventory says %3)</source>
        <translation>%1（実体は %2、インベントリでは %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>is a %1</source>
        <translation>%1 です</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>no other workloads in namespace %1</source>
        <translation>名前空間 %1 に他のワークロードはありません</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n workload(s): %1</source>
        <translation>
            <numerusform>%n 個のワークロード: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VisibleText</name>
    <message numerus="yes">
        <location filename="../../services/common/visibletext.cpp" line="+90"/>
        <source>… (%n more characters)</source>
        <translation>
            <numerusform>…（ほか %n 文字）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WritePlan</name>
    <message>
        <location filename="../../services/manifests/writeplan.cpp" line="-235"/>
        <source>%1 exists and differs from what would be written; it was left as it is. Review the difference and choose Overwrite to replace it.</source>
        <translation>%1 はすでにあり、書き出す内容と異なるため、そのままにしました。差分を確認し、置き換える場合は上書きを選んでください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: cannot create the folder; check its permissions.</source>
        <translation>%1: フォルダーを作成できません。権限を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>%1: cannot write: %2</source>
        <translation>%1: 書き込めません: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: cannot read: %2; nothing was written.</source>
        <translation>%1: 読み込めません: %2。何も書き込んでいません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 exists and differs from what would be written; nothing was written. Review the difference and choose Overwrite to replace it.</source>
        <translation>%1 は既にあり、書き込む内容と異なります。何も書き込んでいません。差分を確認し、置き換えるには「上書き」を選んでください。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1: cannot create the folder; check its permissions. Nothing was written.</source>
        <translation>%1: フォルダーを作成できません。権限を確認してください。何も書き込んでいません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: cannot write: %2. Nothing was written.</source>
        <translation>%1: 書き込めません: %2。何も書き込んでいません。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1: cannot write: %2. These files were written and could not be put back: %3</source>
        <translation>%1: 書き込めません: %2。次のファイルは書き込まれ、元に戻せませんでした: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: cannot write: %2. Nothing was changed.</source>
        <translation>%1: 書き込めません: %2。何も変更していません。</translation>
    </message>
</context>
<context>
    <name>labdeck::ActivityPane</name>
    <message>
        <location filename="../../ui/kube/activitypane.cpp" line="+34"/>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+12"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>running %1/%2</source>
        <translation>実行中 %1/%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✓ done</source>
        <translation>✓ 完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>× failed</source>
        <translation>× 失敗</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
</context>
<context>
    <name>labdeck::ApplyFolderDialog</name>
    <message>
        <location filename="../../ui/wizards/applyfolderdialog.cpp" line="+27"/>
        <source>&amp;Apply</source>
        <translation>適用(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Apply Folder %1</source>
        <translation>フォルダー %1 を適用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server-side apply (field manager labdeck) in the seed&apos;s order: base/, apps/, monitoring/, devops/, then the rest. A dry run comes first.</source>
        <translation>サーバーサイド apply（フィールドマネージャー labdeck）を seed の順序で行います: base/、apps/、monitoring/、devops/、その後に残り。最初にドライランを行います。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Where</source>
        <translation>場所</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select an object to see what would change.</source>
        <translation>オブジェクトを選ぶと、変更内容が表示されます。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cannot be applied: %1</source>
        <translation>適用できません: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 holds no manifests (YAML files in base/, apps/, monitoring/, devops/ or other subfolders).</source>
        <translation>%1 にはマニフェスト（base/、apps/、monitoring/、devops/ などのサブフォルダーにある YAML ファイル）がありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not connected to a cluster.</source>
        <translation>クラスターに接続していません。</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Apply %n object(s) from %1 to the cluster with server-side apply (field manager labdeck)?</source>
        <translation>
            <numerusform>%1 の %n 個のオブジェクトを、サーバーサイド apply（フィールドマネージャー labdeck）でクラスターに適用しますか？</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>Apply Folder</source>
        <translation>フォルダーを適用</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+4"/>
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dry run…</source>
        <translation>ドライラン中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Applying…</source>
        <translation>適用中…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 created, %2 changed, %3 unchanged, %4 conflicts, %5 failed</source>
        <translation>作成 %1、変更 %2、変更なし %3、競合 %4、失敗 %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dry run: %1.</source>
        <translation>ドライラン: %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Applied: %1.</source>
        <translation>適用しました: %1。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Applied: %1. Following %n rollout(s) in Activity.</source>
        <translation>
            <numerusform>適用しました: %1。%n 件のロールアウトを［アクティビティ］で追跡しています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labdeck::CheckResultsFilter</name>
    <message>
        <location filename="../../models/checkresultsfilter.cpp" line="+136"/>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1 could not run</source>
        <translation>実行不可 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ok</source>
        <translation>正常 %1</translation>
    </message>
</context>
<context>
    <name>labdeck::CheckResultsModel</name>
    <message>
        <location filename="../../models/checkresultsmodel.cpp" line="+145"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What to do: %1</source>
        <translation>対処: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>チェック</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What is wrong</source>
        <translation>問題</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to do</source>
        <translation>対処</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Took</source>
        <translation>所要時間</translation>
    </message>
</context>
<context>
    <name>labdeck::ChecksPanes</name>
    <message>
        <location filename="../../ui/checks/checkspanes.cpp" line="+87"/>
        <source>Copy as text</source>
        <translation>テキストとしてコピー</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thresholds…</source>
        <translation>しきい値…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not run yet: press Check all (Ctrl+Shift+C).</source>
        <translation>未実行です。［すべてチェック］（Ctrl+Shift+C）を押してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Check results</source>
        <translation>チェック結果</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+411"/>
        <source>Checks</source>
        <translation>チェック</translation>
    </message>
    <message>
        <location line="-405"/>
        <source>Chec&amp;ks</source>
        <translation>チェック(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;all</source>
        <translation>すべてチェック(&amp;A)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check certificates, routes, endpoints, tunnels, Kubernetes, Prometheus and the GPU (Ctrl+Shift+C)</source>
        <translation>証明書、ルート、エンドポイント、トンネル、Kubernetes、Prometheus、GPU をチェック（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop checking</source>
        <translation>チェックを中止(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy results as text</source>
        <translation>結果をテキストとしてコピー(&amp;C)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Thresholds…</source>
        <translation>しきい値(&amp;T)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+245"/>
        <location line="+82"/>
        <source>Check all</source>
        <translation>すべてチェック</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Stop</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+86"/>
        <source>no Kubernetes cluster is connected</source>
        <translation>Kubernetes クラスターに接続していません</translation>
    </message>
    <message>
        <location line="-353"/>
        <source>&amp;Problems only</source>
        <translation>問題のみ(&amp;P)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Filter results (Ctrl+F): words in any order</source>
        <translation>結果を絞り込む (Ctrl+F): 語の順序は自由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter check results</source>
        <translation>チェック結果の絞り込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show only critical, warning and could-not-run results (on after a run with problems)</source>
        <translation>重大・警告・実行不可の結果だけを表示(問題のあった実行の後はオン)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Selected check result</source>
        <translation>選択したチェック結果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a result to read all of what is wrong and what to do.</source>
        <translation>結果を選択すると、問題点と対処法の全文を表示します。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>&amp;Results of the Selected Host or URL</source>
        <translation>選択したホストまたは URL の結果(&amp;R)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Check &amp;Only</source>
        <translation>個別にチェック(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking %1…</source>
        <translation>%1 をチェック中…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Checks</source>
        <translation>チェック(&amp;C)</translation>
    </message>
    <message>
        <location line="+145"/>
        <source>%1 — %2 checked in the background at %3</source>
        <translation>%1 — %3 にバックグラウンドで %2 をチェック</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Checking…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopped after %1 results.</source>
        <translation>結果 %1 件で中止しました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checking… %1 results so far</source>
        <translation>チェック中… これまでに %1 件</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>%1 — checked at %2</source>
        <translation>%1 — %2 にチェック</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>checks %1 %2</source>
        <translation>チェック %1 %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>checks: %1</source>
        <translation>チェック: %1</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>checks of %1 passed</source>
        <translation>%1 のチェックは合格</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>showing %1 of %2</source>
        <translation>%2 件中 %1 件を表示</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>What to do:</source>
        <translation>対処法:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>only %1 · &lt;a href=&quot;all&quot;&gt;show all&lt;/a&gt;</source>
        <translation>%1 のみ · &lt;a href=&quot;all&quot;&gt;すべて表示&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copied %1 results as text.</source>
        <translation>%1 件の結果をテキストとしてコピーしました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check thresholds</source>
        <translation>チェックのしきい値</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Certificate warning under</source>
        <translation>警告にする証明書の残り日数（未満）</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate critical under</source>
        <translation>異常にする証明書の残り日数（未満）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Slow answer above</source>
        <translation>遅い応答とみなす時間（超過）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each target&apos;s timeout</source>
        <translation>対象ごとのタイムアウト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An invalid certificate (expired, wrong name, untrusted) is always critical.</source>
        <translation>無効な証明書（期限切れ、名前の不一致、信頼されていない）は常に異常とします。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save thresholds</source>
        <translation>しきい値を保存</translation>
    </message>
</context>
<context>
    <name>labdeck::ChecksSettingsPage</name>
    <message>
        <location filename="../../ui/checks/checkssettingspage.cpp" line="+22"/>
        <source>&amp;Run the checks in the background, also while the window is closed to the tray</source>
        <translation>バックグラウンドでチェックを実行する(ウィンドウを閉じてトレイにある間も)(&amp;R)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> min</source>
        <translation> 分</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interval of %1</source>
        <translation>%1 の間隔</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Every</source>
        <translation>実行間隔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Defaults</source>
        <translation>既定値(&amp;D)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates every 6 hours, everything else every 5 minutes</source>
        <translation>証明書は 6 時間ごと、その他は 5 分ごと</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A round never starts while the last one of its category still runs. When every target of a category timed out, it waits twice, then four times as long, until one answers again.</source>
        <translation>同じカテゴリの前回の実行が終わるまで、次の実行は始まりません。カテゴリのすべての対象がタイムアウトしたときは、どれかが応答するまで間隔を 2 倍、さらに 4 倍に延ばします。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Certificates</source>
        <translation>証明書</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Traefik routes</source>
        <translation>Traefik ルート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoints and NodePorts</source>
        <translation>エンドポイントと NodePort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tailscale tunnels</source>
        <translation>Tailscale トンネル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubernetes</source>
        <translation>Kubernetes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU and Ollama</source>
        <translation>GPU と Ollama</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>starts when the lab is connected</source>
        <translation>ラボに接続したら開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>running now</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not run yet</source>
        <translation>未実行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>last ran %1</source>
        <translation>前回の実行: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all timed out: waits %1× as long</source>
        <translation>すべてタイムアウト: 間隔を %1 倍に延長中</translation>
    </message>
</context>
<context>
    <name>labdeck::ClusterModels</name>
    <message>
        <location filename="../../models/clustermodels.cpp" line="+37"/>
        <source>connecting to %1</source>
        <translation>%1 に接続中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no Kubernetes cluster connected</source>
        <translation>Kubernetes クラスター未接続</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Kubernetes API of %1: %2</source>
        <translation>%1 の Kubernetes API: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>not connected</source>
        <translation>未接続</translation>
    </message>
</context>
<context>
    <name>labdeck::ClusterPanes</name>
    <message>
        <location filename="../../ui/kube/clusterpanes.cpp" line="+58"/>
        <source>Filter workloads (type to filter)</source>
        <translation>ワークロードを絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter pods (type to filter)</source>
        <translation>Pod を絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter nodes (type to filter)</source>
        <translation>ノードを絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter events (type to filter)</source>
        <translation>イベントを絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Workloads</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nodes</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Events</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+287"/>
        <source>Logs</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Activity</source>
        <translation>アクティビティ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Cluster</source>
        <translation>クラスター(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Restart Workload...</source>
        <translation>ワークロードを再起動(&amp;R)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Scale Workload...</source>
        <translation>ワークロードをスケール(&amp;S)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Logs</source>
        <translation>ログを表示(&amp;L)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show &amp;Events</source>
        <translation>イベントを表示(&amp;E)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Delete Pod...</source>
        <translation>Pod を削除(&amp;D)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;ordon Node...</source>
        <translation>ノードを cordon(&amp;O)...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Uncordon Node...</source>
        <translation>ノードを uncordon(&amp;U)...</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Restart %1 %2 in %3</source>
        <translation>%3 の %1 %2 を再起動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: its pod template changes, but with updateStrategy OnDelete no pod is replaced until you delete it.</source>
        <translation>%1: Pod テンプレートは変わりますが、updateStrategy が OnDelete なので、Pod を削除するまで置き換わりません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: its pod on the one node is replaced.</source>
        <translation>%1: 1 台のノード上の Pod が置き換えられます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: its pod on each of %2 nodes is replaced, one node at a time.</source>
        <translation>%1: %2 台の各ノード上の Pod が、1 ノードずつ置き換えられます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: its pod is replaced; it is down while the new one starts.</source>
        <translation>%1: Pod が置き換えられます。新しい Pod が起動するまで停止します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: its %2 pods are replaced one at a time, highest ordinal first.</source>
        <translation>%1: %2 個の Pod が、番号の大きいものから 1 つずつ置き換えられます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: its pod is stopped first, then replaced; it is down meanwhile.</source>
        <translation>%1: Pod を先に停止してから置き換えます。その間は停止します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: all %2 pods are stopped first, then replaced; it is down meanwhile.</source>
        <translation>%1: %2 個の Pod をすべて先に停止してから置き換えます。その間は停止します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: its 1 pod is replaced, one at a time.</source>
        <translation>%1: 1 個の Pod が置き換えられます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: its %2 pods are replaced, one at a time.</source>
        <translation>%1: %2 個の Pod が 1 つずつ置き換えられます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+4"/>
        <source>Restart</source>
        <translation>再起動</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 %2 is paused; resume its rollout first.</source>
        <translation>%1 %2 は一時停止中です。先にロールアウトを再開してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restart %1</source>
        <translation>%1 を再起動</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <location line="+8"/>
        <source>Scale</source>
        <translation>スケール</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>A DaemonSet runs one pod per node and cannot be scaled.</source>
        <translation>DaemonSet はノードごとに Pod を 1 つ動かすもので、スケールできません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scale %1 %2 in %3 from %4 to:</source>
        <translation>%3 の %1 %2 を %4 から次の数にスケール:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Scale %1</source>
        <translation>%1 をスケール</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Scale %1 to 0</source>
        <translation>%1 を 0 にスケール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale %1 %2 in %3 to 0: all its pods stop and it serves nothing until scaled up again.</source>
        <translation>%3 の %1 %2 を 0 にスケールします。Pod はすべて停止し、再びスケールアップするまで何も提供しません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scale to 0</source>
        <translation>0 にスケール</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Delete pod %1 in %2: it is stopped now and nothing recreates it.</source>
        <translation>%2 の Pod %1 を削除します。すぐに停止し、再作成されません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete pod %1 in %2: it is stopped now and its %3 %4 starts a replacement.</source>
        <translation>%2 の Pod %1 を削除します。すぐに停止し、%3 %4 が代わりの Pod を起動します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete pod %1</source>
        <translation>Pod %1 を削除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Delete Pod</source>
        <translation>Pod を削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cordon node %1: no new pods are scheduled on it; the pods running there stay.</source>
        <translation>ノード %1 を cordon します。新しい Pod はスケジュールされなくなり、実行中の Pod はそのまま残ります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uncordon node %1: new pods may be scheduled on it again.</source>
        <translation>ノード %1 を uncordon します。新しい Pod が再びスケジュールされるようになります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cordon %1</source>
        <translation>%1 を cordon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncordon %1</source>
        <translation>%1 を uncordon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cordon</source>
        <translation>cordon する</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncordon</source>
        <translation>uncordon する</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 has no pods to show logs of.</source>
        <translation>%1 にはログを表示できる Pod がありません。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes %1 %2</source>
        <translation>Kubernetes %1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n kind(s) not readable</source>
        <translation>
            <numerusform>%n 種類を読めません</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>labdeck::CommandPalette</name>
    <message>
        <location filename="../../ui/palette/commandpalette.cpp" line="+79"/>
        <source>Command Palette</source>
        <translation>コマンドパレット</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type an action, a host or a workload…</source>
        <translation>操作、ホスト、ワークロードを入力…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Command palette filter</source>
        <translation>コマンドパレットの絞り込み</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing matches &quot;%1&quot;. Try fewer words, or a verb and a name: &quot;restart shlink&quot;, &quot;logs traefik&quot;, &quot;check certs&quot;.</source>
        <translation>「%1」に一致するものはありません。語を減らすか、動詞と名前で試してください: 「restart shlink」「logs traefik」「check certs」。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Command Palette…</source>
        <translation>コマンドパレット…</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Go to %1 on %2</source>
        <translation>%2 の %1 へ移動</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Go to %1</source>
        <translation>%1 へ移動</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 on %2</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Selects %1, then: %2</source>
        <translation>%1 を選択してから実行: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open %1</source>
        <translation>%1 を開く</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, served by %2 on %3</source>
        <translation>%1 (%3 の %2 が配信)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 is not available for the selection now (not connected, or not that kind of item).</source>
        <translation>%1 は今の選択には使えません(未接続か、対象の種類が違います)。</translation>
    </message>
</context>
<context>
    <name>labdeck::ComposePanes</name>
    <message>
        <location filename="../../ui/compose/composepanes.cpp" line="+56"/>
        <source>Filter compose services (type to filter)</source>
        <translation>Compose サービスを絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Started</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exit</source>
        <translation>終了コード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>コマンド</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compose actions</source>
        <translation>Compose の操作</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The output of the selected action appears here.</source>
        <translation>選択した操作の出力がここに表示されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compose output</source>
        <translation>Compose の出力</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+437"/>
        <source>Compose</source>
        <translation>Compose</translation>
    </message>
    <message>
        <location line="-431"/>
        <source>C&amp;ompose</source>
        <translation>Compose(&amp;O)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Restart Service...</source>
        <translation>サービスを再起動(&amp;R)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Restart &amp;Project...</source>
        <translation>プロジェクトを再起動(&amp;P)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Up Service...</source>
        <translation>サービスを起動(&amp;U)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Up Project...</source>
        <translation>プロジェクトを起動...</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>R&amp;efresh Compose</source>
        <translation>Compose を更新(&amp;E)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Pull Project Images...</source>
        <translation>プロジェクトのイメージをプル...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pull Service &amp;Image...</source>
        <translation>サービスのイメージをプル(&amp;I)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Stop Service...</source>
        <translation>サービスを停止(&amp;S)...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop Project...</source>
        <translation>プロジェクトを停止...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Service &amp;Logs</source>
        <translation>サービスのログ(&amp;L)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Project Logs</source>
        <translation>プロジェクトのログ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow Service Logs</source>
        <translation>サービスのログを追従(&amp;F)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow Project Logs</source>
        <translation>プロジェクトのログを追従</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole &amp;Project</source>
        <translation>プロジェクト全体(&amp;P)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Stop Following / &amp;Cancel Action</source>
        <translation>追従を停止 / 操作をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+171"/>
        <source>Restart</source>
        <translation>再起動</translation>
    </message>
    <message>
        <location line="-171"/>
        <location line="+174"/>
        <source>Up</source>
        <translation>起動</translation>
    </message>
    <message>
        <location line="-174"/>
        <location line="+177"/>
        <source>Pull</source>
        <translation>プル</translation>
    </message>
    <message>
        <location line="-176"/>
        <location line="+179"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-179"/>
        <source>Logs</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log lines:</source>
        <translation>ログの行数:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log lines</source>
        <translation>ログの行数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many of the last log lines Logs shows (per container)</source>
        <translation>［ログ］で表示する末尾の行数（コンテナーごと）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Restart project %1 on %2: all %3 of its services are stopped and started again; each is unavailable for a moment.</source>
        <translation>%2 のプロジェクト %1 を再起動します。%3 個のサービスすべてを停止して再び起動するため、それぞれ一時的に使えなくなります。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Up project %1 on %2 (up -d): every service is started as the compose file says, and containers whose configuration changed are recreated.</source>
        <translation>%2 のプロジェクト %1 を起動します（up -d）。すべてのサービスを compose ファイルのとおりに起動し、設定が変わったコンテナーは作り直します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pull the images of project %1 on %2: newer images are downloaded; running containers keep the old ones until the next up.</source>
        <translation>%2 のプロジェクト %1 のイメージをプルします。新しいイメージをダウンロードしますが、実行中のコンテナーは次の up まで古いイメージのままです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop project %1 on %2: all %3 of its services stop and serve nothing until started again.</source>
        <translation>%2 のプロジェクト %1 を停止します。%3 個のサービスすべてが停止し、再び起動するまで何も提供しません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Restart service %1 of project %2 on %3: its container is stopped and started again; it is unavailable for a moment.</source>
        <translation>%3 のプロジェクト %2 のサービス %1 を再起動します。コンテナーを停止して再び起動するため、一時的に使えなくなります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Up service %1 of project %2 on %3 (up -d): it is started as the compose file says, and recreated if its configuration changed.</source>
        <translation>%3 のプロジェクト %2 のサービス %1 を起動します（up -d）。compose ファイルのとおりに起動し、設定が変わっていれば作り直します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pull the image of service %1 of project %2 on %3: a newer image is downloaded; the running container keeps the old one until the next up.</source>
        <translation>%3 のプロジェクト %2 のサービス %1 のイメージをプルします。新しいイメージをダウンロードしますが、実行中のコンテナーは次の up まで古いイメージのままです。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop service %1 of project %2 on %3: its container stops and serves nothing until it is started again.</source>
        <translation>%3 のプロジェクト %2 のサービス %1 を停止します。コンテナーが停止し、再び起動するまで何も提供しません。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>project %1</source>
        <translation>プロジェクト %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%2 を%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>✓ done</source>
        <translation>✓ 完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>× failed</source>
        <translation>× 失敗</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stopped</source>
        <translation>中止</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>
[exit status %1 after %2]</source>
        <translation>
[終了コード %1、所要時間 %2]</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
[%1]</source>
        <translation>
[%1]</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>No compose host in the inventory.</source>
        <translation>インベントリに Compose ホストがありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: SSH: not connected. Compose actions need an SSH connection to the compose host.</source>
        <translation>%1: SSH: 未接続です。Compose の操作には Compose ホストへの SSH 接続が必要です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 via %2: stale, %3</source>
        <translation>%1（%2 経由）: 古いデータ、%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 via %2: %3</source>
        <translation>%1（%2 経由）: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing…</source>
        <translation>一覧を取得中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 via %2 · %3</source>
        <translation>%1（%2 経由）· %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 SSH %2</source>
        <translation>%1 SSH %2</translation>
    </message>
</context>
<context>
    <name>labdeck::ConflictDialog</name>
    <message>
        <location filename="../../ui/wizards/conflictdialog.cpp" line="+17"/>
        <source>Fields Owned by Another Manager</source>
        <translation>別のマネージャーが管理するフィールド</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n field(s) are owned by %1 with other values, so they were not applied. Force makes labdeck their owner and replaces their values; %1 may set them back the next time it applies. Otherwise, change the manifest to the live values or leave the fields out.</source>
        <translation>
            <numerusform>%n 個のフィールドは %1 が別の値で管理しているため、適用されませんでした。強制適用すると labdeck がそれらの管理元になり、値を置き換えます。ただし、%1 が次に適用するときに元に戻す可能性があります。強制しない場合は、マニフェストを現在の値に合わせるか、それらのフィールドを省いてください。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owned by</source>
        <translation>管理元</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Force Apply</source>
        <translation>強制適用(&amp;F)</translation>
    </message>
</context>
<context>
    <name>labdeck::CreateMenu</name>
    <message>
        <location filename="../../ui/wizards/createmenu.cpp" line="+19"/>
        <source>C&amp;reate</source>
        <translation>作成(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New Service…</source>
        <translation>新しいサービス(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the manifests of a new service into the manifests folder and apply them</source>
        <translation>新しいサービスのマニフェストをマニフェストフォルダーに書き出して適用します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Apply Folder…</source>
        <translation>フォルダーを適用(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply a manifests folder in the seed&apos;s order, after a dry run</source>
        <translation>マニフェストフォルダーを、ドライランの後に seed と同じ順序で適用します</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Apply Folder</source>
        <translation>フォルダーを適用</translation>
    </message>
</context>
<context>
    <name>labdeck::DesktopNotifier</name>
    <message>
        <location filename="../../ui/tray/desktopnotifier.cpp" line="+56"/>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute 1 h</source>
        <translation>1 時間ミュート</translation>
    </message>
</context>
<context>
    <name>labdeck::DetailsPanel</name>
    <message>
        <location filename="../../ui/detailspanel.cpp" line="+49"/>
        <source>Details of the selection</source>
        <translation>選択項目の詳細</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 — %3</source>
        <translation>%1 %2 — %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to do</source>
        <translation>対処</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last heartbeat</source>
        <translation>最後のハートビート</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Taints</source>
        <translation>Taint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>ロール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubelet</source>
        <translation>Kubelet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>CPU (capacity / allocatable)</source>
        <translation>CPU（容量 / 割り当て可能）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Memory (capacity / allocatable)</source>
        <translation>メモリ（容量 / 割り当て可能）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labels</source>
        <translation>ラベル</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kubernetes node</source>
        <translation>Kubernetes ノード</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n restart(s)</source>
        <translation>
            <numerusform>再起動 %n 回</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Pods</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Select a host, workload or URL in the topology or the Lab tree to see its details here.</source>
        <translation>トポロジーかラボのツリーでホスト、ワークロード、URL を選ぶと、ここに詳細が表示されます。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Because</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+61"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Site</source>
        <translation>サイト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>スペック</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <translation>アーキテクチャ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node labels</source>
        <translation>ノードラベル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public IP</source>
        <translation>パブリック IP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private address</source>
        <translation>プライベートアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailscale</source>
        <translation>Tailscale</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubernetes node name</source>
        <translation>Kubernetes ノード名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prometheus instance</source>
        <translation>Prometheus インスタンス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailscale host name</source>
        <translation>Tailscale ホスト名</translation>
    </message>
    <message>
        <location line="-53"/>
        <location line="+147"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>Runs here</source>
        <translation>このホストで稼働中</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Host</source>
        <translation>ホスト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NodePort</source>
        <translation>NodePort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes name</source>
        <translation>Kubernetes 上の名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <source>Storage</source>
        <translation>ストレージ</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>NFS %1:%2</source>
        <translation>NFS %1:%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Compose project</source>
        <translation>Compose プロジェクト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>説明</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs on</source>
        <translation>稼働ホスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Route</source>
        <translation>経路</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>%1 (TLS) -&gt; %2:%3</source>
        <translation>%1（TLS）→ %2:%3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (TLS), served on the same host</source>
        <translation>%1（TLS）、同じホストで提供</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate</source>
        <translation>証明書</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from certResolver %1</source>
        <translation>certResolver %1 で取得</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unknown (not checked yet)</source>
        <translation>不明（未確認）</translation>
    </message>
</context>
<context>
    <name>labdeck::EventModel</name>
    <message>
        <location filename="../../models/kubemodels.cpp" line="+411"/>
        <source>Last seen</source>
        <translation>最終発生</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type</source>
        <translation>タイプ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Message</source>
        <translation>メッセージ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Count</source>
        <translation>回数</translation>
    </message>
</context>
<context>
    <name>labdeck::ExecApprovalDialog</name>
    <message>
        <location filename="../../ui/kube/execapprovaldialog.cpp" line="+22"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No arguments.</source>
        <translation>引数はありません。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Arguments (%n):</source>
        <translation>
            <numerusform>引数（%n 個）:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No environment variables added.</source>
        <translation>追加される環境変数はありません。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Environment variables added (%n):</source>
        <translation>
            <numerusform>追加される環境変数（%n 個）:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remember my answer</source>
        <translation>この回答を記憶する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allow</source>
        <translation>許可</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny</source>
        <translation>拒否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run a credential plugin?</source>
        <translation>認証情報プラグインを実行しますか？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The kubeconfig asks Labdeck to run a program to get credentials for user &quot;%1&quot; (context &quot;%2&quot;). It runs with your rights: only allow programs you know.</source>
        <translation>kubeconfig が、ユーザー「%1」（コンテキスト「%2」）の認証情報を得るためにプログラムを実行するよう Labdeck に求めています。プログラムはあなたの権限で動きます。知っているプログラムだけを許可してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (not found: no such program on your PATH)</source>
        <translation>%1（見つかりません: PATH にこのプログラムはありません）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Program:</source>
        <translation>プログラム:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubeconfig:</source>
        <translation>kubeconfig:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Arguments and environment</source>
        <translation>引数と環境変数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Install hint from the kubeconfig: %1</source>
        <translation>kubeconfig のインストールのヒント: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Without this, Labdeck asks again the next time it connects.</source>
        <translation>チェックしないと、次に接続するときにもう一度確認します。</translation>
    </message>
</context>
<context>
    <name>labdeck::ExecApprovalsPage</name>
    <message>
        <location filename="../../ui/settings/settingsdialog.cpp" line="+48"/>
        <source>No answers are remembered. Labdeck asks before it runs a program that a kubeconfig names, every time you connect, unless you tick &quot;Remember my answer&quot;.</source>
        <translation>記憶している回答はありません。「この回答を記憶する」にチェックしない限り、Labdeck は kubeconfig が指定するプログラムを実行する前に、接続のたびに確認します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Forget</source>
        <translation>忘れる(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget &amp;All...</source>
        <translation>すべて忘れる(&amp;A)...</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A kubeconfig can name a program that Labdeck runs to get a credential (an exec plugin). These are the answers you asked Labdeck to remember. Forget one and Labdeck asks again the next time it connects with that kubeconfig; a connection that is already open keeps its credential until it ends.</source>
        <translation>kubeconfig は、認証情報を得るために Labdeck が実行するプログラム (exec プラグイン) を指定できます。ここにあるのは、Labdeck に記憶させた回答です。回答を忘れさせると、次にその kubeconfig で接続するときに再び確認します。すでに開いている接続は、終わるまで今の認証情報を使い続けます。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Program</source>
        <translation>プログラム</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Context</source>
        <translation>コンテキスト</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kubeconfig</source>
        <translation>kubeconfig</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remembered exec plugin answers</source>
        <translation>記憶している exec プラグインの回答</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Forget the selected answers (Delete)</source>
        <translation>選択した回答を忘れる (Delete)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stored in %1</source>
        <translation>保存先: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Always allow</source>
        <translation>常に許可</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Always deny</source>
        <translation>常に拒否</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not recorded)</source>
        <translation>(記録なし)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Could not forget the answer: %1</source>
        <translation>回答を忘れられませんでした: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Forget All Answers</source>
        <translation>すべての回答を忘れる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget the remembered exec plugin answer?</source>
        <translation>記憶している exec プラグインの回答を忘れますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forget all %1 remembered exec plugin answers?</source>
        <translation>記憶している exec プラグインの回答 %1 件をすべて忘れますか?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labdeck will ask again before it runs any of these programs, including the ones you allowed.</source>
        <translation>許可したものも含め、これらのプログラムを実行する前に Labdeck は再び確認します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forget All</source>
        <translation>すべて忘れる</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not forget the answers: %1</source>
        <translation>回答を忘れられませんでした: %1</translation>
    </message>
</context>
<context>
    <name>labdeck::GpuPanes</name>
    <message>
        <location filename="../../ui/gpu/gpupanes.cpp" line="+71"/>
        <source>GPU processes</source>
        <translation>GPU プロセス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed models</source>
        <translation>インストール済みモデル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loaded models</source>
        <translation>ロード済みモデル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter tunnels (type to filter)</source>
        <translation>トンネルを絞り込み（入力して絞り込み）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>GPU utilisation</source>
        <translation>GPU 使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>VRAM used</source>
        <translation>VRAM 使用量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GPU:</source>
        <translation>GPU:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Utilisation:</source>
        <translation>使用率:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VRAM:</source>
        <translation>VRAM:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Temperature:</source>
        <translation>温度:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power:</source>
        <translation>電力:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ollama:</source>
        <translation>Ollama:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open WebUI:</source>
        <translation>Open WebUI:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fetched:</source>
        <translation>取得:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ollama on the GPU server</source>
        <translation>GPU サーバーの Ollama</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tailscale</source>
        <translation>Tailscale</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No GPU server in the inventory.</source>
        <translation>インベントリに GPU サーバーがありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: reading nvidia-smi…</source>
        <translation>%1: nvidia-smi を読み取り中…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>n/a</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (and %2 more)</source>
        <translation>%1（ほか %2 台）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 °C</source>
        <translation>%1 °C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 W of %2 W</source>
        <translation>%1 W / %2 W</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 W</source>
        <translation>%1 W</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nvidia-smi %1%2</source>
        <translation>nvidia-smi %1%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (stale)</source>
        <translation>（古いデータ）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>never</source>
        <translation>まだなし</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ollama %1 %2</source>
        <translation>Ollama %1 %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 down: %2</source>
        <translation>%1 ダウン: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>down</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 at %3 · %4 installed · %5 loaded · %6</source>
        <translation>%1 %2（%3）· インストール済み %4 · ロード済み %5 · %6</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 loaded</source>
        <translation>%1 個ロード済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting to %1…</source>
        <translation>%1 に接続中…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Ollama URL in the inventory</source>
        <translation>インベントリに Ollama の URL がありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2 (%3) · %4</source>
        <translation>%1 %2（%3）· %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>checking %1…</source>
        <translation>%1 を確認中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no Open WebUI endpoint in the inventory</source>
        <translation>インベントリに Open WebUI のエンドポイントがありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read on %1 · backend %2 · Tailscale %3 · %4</source>
        <translation>%1 で取得 · バックエンド %2 · Tailscale %3 · %4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading tailscale status on %1…</source>
        <translation>%1 で tailscale status を読み取り中…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Tailscale status host in the inventory.</source>
        <translation>インベントリに Tailscale の状態取得ホストがありません。</translation>
    </message>
</context>
<context>
    <name>labdeck::HistoryPanes</name>
    <message>
        <location filename="../../ui/history/historypanes.cpp" line="+29"/>
        <source>History</source>
        <translation>履歴</translation>
    </message>
</context>
<context>
    <name>labdeck::HostCardItem</name>
    <message>
        <location filename="../../ui/topology/topologyitems.cpp" line="+359"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MEM</source>
        <translation>メモリ</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>⚠ %n alert(s)</source>
        <translation>
            <numerusform>⚠ アラート %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>✖ target down</source>
        <translation>✖ ターゲットがダウン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>metrics-server</source>
        <translation>metrics-server</translation>
    </message>
</context>
<context>
    <name>labdeck::HostKeyDialog</name>
    <message>
        <location filename="../../ui/ssh/hostkeydialog.cpp" line="+16"/>
        <source>Unknown host key — %1</source>
        <translation>不明なホスト鍵 — %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labdeck has not connected to %1 before, so it cannot tell whether this is really %1. Compare the fingerprint with the host&apos;s own, for example with &lt;code&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/code&gt; run on it.</source>
        <translation>Labdeck は %1 に接続したことがないため、これが本当に %1 かどうかを判断できません。フィンガープリントをホスト側のものと照合してください。たとえば、ホスト上で &lt;code&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/code&gt; を実行すると確認できます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Host:</source>
        <translation>ホスト:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key type:</source>
        <translation>鍵の種類:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fingerprint:</source>
        <translation>フィンガープリント:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect once</source>
        <translation>今回のみ接続</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remember and connect</source>
        <translation>記憶して接続</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Adds the key to Labdeck&apos;s own known_hosts file (not ~/.ssh/known_hosts)</source>
        <translation>鍵を Labdeck 専用の known_hosts ファイルに追加します（~/.ssh/known_hosts ではありません）</translation>
    </message>
</context>
<context>
    <name>labdeck::HostModel</name>
    <message>
        <location filename="../../models/hostmodel.cpp" line="+71"/>
        <source>no live source connected yet</source>
        <translation>ライブソース未接続</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>label %1</source>
        <translation>ラベル %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tailscale: %1</source>
        <translation>Tailscale: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH: %1</source>
        <translation>SSH: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>system component</source>
        <translation>システムコンポーネント</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+309"/>
        <source>%1 in %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <location line="-299"/>
        <source>Kubernetes %1 %2</source>
        <translation>Kubernetes %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NodePort %1 on %2</source>
        <translation>%2 の NodePort %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+28"/>
        <source>Public URL %1</source>
        <translation>公開 URL %1</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>NFS volume %1 on %2</source>
        <translation>%2 の NFS ボリューム %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Compose service</source>
        <translation>Compose サービス</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Compose service %1 in project %2</source>
        <translation>プロジェクト %2 の Compose サービス %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Data in %1</source>
        <translation>データ保存先: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 at %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <location line="+157"/>
        <source>%n item(s) %1 here: %2</source>
        <translation>
            <numerusform>ここで %1 が %n 件: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+75"/>
        <location line="+22"/>
        <source>not in inventory</source>
        <translation>インベントリ外</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Kubernetes %1 %2/%3, running here but not listed in the inventory</source>
        <translation>Kubernetes %1 %2/%3（ここで稼働中ですが、インベントリにはありません）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Status: %1</source>
        <translation>状態: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Updated %1</source>
        <translation>%1に更新</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>役割</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>labdeck::HttpJob</name>
    <message>
        <location filename="../../services/common/httpjob.cpp" line="+29"/>
        <source>check the credentials</source>
        <translation>認証情報を確認してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the credentials lack the permission</source>
        <translation>認証情報に必要な権限がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>check the address and the path</source>
        <translation>アドレスとパスを確認してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server is busy, try again later</source>
        <translation>サーバーが混み合っています。後でもう一度試してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>see the server&apos;s log</source>
        <translation>サーバーのログを確認してください</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server refused the request as it was sent</source>
        <translation>サーバーは送信されたままのリクエストを拒否しました</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2: connection refused at %3; is the service running and listening there?</source>
        <translation>%1: %2: %3 で接続が拒否されました。サービスは起動してそこで待ち受けていますか？</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: the host name of %3 does not resolve; check %4, the DNS or Tailscale.</source>
        <translation>%1: %2: %3 のホスト名を解決できません。%4、DNS または Tailscale を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: the host name of %3 does not resolve; check the address in the inventory, the DNS or Tailscale.</source>
        <translation>%1: %2: %3 のホスト名を解決できません。インベントリのアドレス、DNS または Tailscale を確認してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: %3 closed the connection before a whole answer; the server may have restarted, try again.</source>
        <translation>%1: %2: %3 が応答の途中で接続を閉じました。サーバーが再起動した可能性があります。もう一度試してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2: TLS with %3 failed: %4; check the server&apos;s certificate and the CA it is checked against.</source>
        <translation>%1: %2: %3 との TLS に失敗しました: %4。サーバーの証明書と、検証に使う CA を確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: %3 at %4; check the address and the network.</source>
        <translation>%1: %2: %4 で %3。アドレスとネットワークを確認してください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: %2: no answer from %3 within %4 s; the server or the tunnel may be down, or the server overloaded.</source>
        <translation>%1: %2: %3 から %4 秒以内に応答がありません。サーバーかトンネルが停止しているか、サーバーが過負荷の可能性があります。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: the answer from %3 did not end within %4 s; the server may be overloaded, or the request too large for it.</source>
        <translation>%1: %2: %3 からの応答が %4 秒以内に終わりませんでした。サーバーが過負荷か、リクエストが大きすぎる可能性があります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2: a line longer than %3 from %4; is this the right address?</source>
        <translation>%1: %2: %4 から %3 を超える行が届きました。アドレスは正しいですか？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2: reply larger than %3 from %4; is this the right address?</source>
        <translation>%1: %2: %4 からの応答が %3 を超えています。アドレスは正しいですか？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2: HTTP %3 from %4%5; %6.</source>
        <translation>%1: %2: %4 から HTTP %3%5。%6。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>no network access</source>
        <translation>ネットワークにアクセスできません</translation>
    </message>
</context>
<context>
    <name>labdeck::Inventory</name>
    <message>
        <location filename="../../services/inventory/inventory.cpp" line="+133"/>
        <source>Kubernetes control plane</source>
        <translation>Kubernetes コントロールプレーン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubernetes worker</source>
        <translation>Kubernetes ワーカー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Docker Compose host</source>
        <translation>Docker Compose ホスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU server</source>
        <translation>GPU サーバー</translation>
    </message>
</context>
<context>
    <name>labdeck::InventoryParser</name>
    <message>
        <location filename="../../services/inventory/inventoryloader.cpp" line="-679"/>
        <source>a mapping</source>
        <translation>マッピング</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a list</source>
        <translation>リスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;</source>
        <translation>「%1」</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+289"/>
        <source>expected a mapping (key: value), found %1</source>
        <translation>マッピング（キー: 値）が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="-279"/>
        <source>keys must be plain words, found %1</source>
        <translation>キーには単純な文字列を使ってください（実際は%1）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown key &quot;%1&quot;; expected one of: %2</source>
        <translation>不明なキー「%1」です。使えるキー: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>duplicate key &quot;%1&quot; (first given on line %2)</source>
        <translation>キー「%1」が重複しています（最初の指定は %2 行目）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>is required and must be a list</source>
        <translation>必須です。リストで指定してください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected a list, found %1</source>
        <translation>リストが必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+392"/>
        <source>is required</source>
        <translation>必須です</translation>
    </message>
    <message>
        <location line="-388"/>
        <location line="+87"/>
        <source>expected text, found %1</source>
        <translation>文字列が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>expected a whole number, found %1</source>
        <translation>整数が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>expected a number of 0 or more, found %1</source>
        <translation>0 以上の数値が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>expected true or false, found %1</source>
        <translation>true か false が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a valid URL with a host name</source>
        <translation>「%1」はホスト名を含む有効な URL ではありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>public URL &quot;%1&quot; must use https:// (TLS ends on the ingress host)</source>
        <translation>公開 URL「%1」は https:// にしてください（TLS は ingress のホストで終端します）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; must be an http:// or https:// URL</source>
        <translation>「%1」は http:// か https:// の URL にしてください</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&quot;%1&quot; is not a valid name: use at most 63 lower-case letters, digits and &apos;-&apos;, starting and ending with a letter or digit</source>
        <translation>「%1」は名前として使えません。英小文字・数字・「-」の 63 文字以内で、先頭と末尾は英小文字か数字にしてください</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>unknown host &quot;%1&quot;; hosts in this inventory: %2</source>
        <translation>不明なホスト「%1」です。このインベントリのホスト: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; must be an absolute path starting with /</source>
        <translation>「%1」は / で始まる絶対パスにしてください</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is not under any NFS export (%2)</source>
        <translation>「%1」はどの NFS エクスポート（%2）の下にもありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none declared</source>
        <translation>宣言なし</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>NodePort %1 is outside the range Kubernetes allows (%2-%3)</source>
        <translation>NodePort %1 は Kubernetes で使える範囲（%2-%3）の外です</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>NodePort %1 is already used by %2</source>
        <translation>NodePort %1 は %2 がすでに使っています</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>duplicate site id &quot;%1&quot;</source>
        <translation>サイト ID「%1」が重複しています</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>unknown site &quot;%1&quot;; expected one of: %2</source>
        <translation>不明なサイト「%1」です。使えるサイト: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown host kind &quot;%1&quot;; expected one of: k8s-control-plane, k8s-worker, compose-host, gpu-server</source>
        <translation>不明なホストの種類「%1」です。使える値: k8s-control-plane, k8s-worker, compose-host, gpu-server</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>labels must be key: value text pairs</source>
        <translation>labels は「キー: 値」形式の文字列の組にしてください</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>port %1 is not between 1 and 65535</source>
        <translation>ポート %1 が 1～65535 の範囲外です</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>the lab has no hosts; list at least one</source>
        <translation>ラボにホストがありません。少なくとも 1 台記述してください</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>duplicate host name &quot;%1&quot; (first defined on line %2)</source>
        <translation>ホスト名「%1」が重複しています（最初の定義は %2 行目）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>duplicate namespace &quot;%1&quot;</source>
        <translation>Namespace「%1」が重複しています</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>namespace &quot;%1&quot; is not declared under namespaces</source>
        <translation>Namespace「%1」が namespaces に宣言されていません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown workload kind &quot;%1&quot;; expected one of: Deployment, StatefulSet, DaemonSet, StaticPod, Group</source>
        <translation>不明なワークロードの種類「%1」です。使える値: Deployment, StatefulSet, DaemonSet, StaticPod, Group</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>host &quot;%1&quot; is not a Kubernetes node (kind %2)</source>
        <translation>ホスト「%1」は Kubernetes ノードではありません（kind: %2）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>duplicate workload %1 (first defined on line %2)</source>
        <translation>ワークロード %1 が重複しています（最初の定義は %2 行目）</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>expected a port number between 1 and 65535, found %1</source>
        <translation>1～65535 のポート番号が必要です（実際は%1）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>duplicate compose service &quot;%1&quot;</source>
        <translation>Compose サービス「%1」が重複しています</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the file is empty; an inventory needs at least version, sites and hosts (see the built-in default with: labdeck inventory --print-default)</source>
        <translation>ファイルが空です。インベントリには少なくとも version、sites、hosts が必要です（組み込みの既定ラボは labdeck inventory --print-default で確認できます）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>is required (this Labdeck reads version 1)</source>
        <translation>必須です（この Labdeck が読めるのはバージョン 1 です）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>version %1 is not supported; this Labdeck reads version 1</source>
        <translation>バージョン %1 には対応していません。この Labdeck が読めるのはバージョン 1 です</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>host &quot;%1&quot; has no SSH endpoint to carry the tunnel; give it ssh: or sources.sshAlias</source>
        <translation>ホスト「%1」にはトンネルを通す SSH エンドポイントがありません。ssh: か sources.sshAlias を指定してください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>needs ollama.url: the address the tunnel reaches from %1</source>
        <translation>ollama.url が必要です（%1 からトンネルで到達するアドレス）</translation>
    </message>
</context>
<context>
    <name>labdeck::ItemHistoryView</name>
    <message>
        <location filename="../../ui/history/itemhistoryview.cpp" line="+37"/>
        <source>&lt;b&gt;History&lt;/b&gt;</source>
        <translation>&lt;b&gt;履歴&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>24 h</source>
        <translation>24 時間</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>7 d</source>
        <translation>7 日</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>30 d</source>
        <translation>30 日</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>From</source>
        <translation>開始</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>終了</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Worst</source>
        <translation>最悪</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was said</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incidents of the selection</source>
        <translation>選択項目のインシデント</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Nothing recorded in the last %1.</source>
        <translation>直近 %1 の記録はありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Uptime %1 % over the last %2 (of %3 h watched)</source>
        <translation>直近 %2 の稼働率 %1 %(監視した %3 時間のうち)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Uptime %1 % over the last %2 (%3 of %4 check results ok)</source>
        <translation>直近 %2 の稼働率 %1 %(チェック結果 %4 件中 %3 件が正常)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ongoing</source>
        <translation>継続中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>labdeck::LabConnection</name>
    <message>
        <location filename="../../app/labconnection.cpp" line="+33"/>
        <source>Kubernetes context</source>
        <translation>Kubernetes コンテキスト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubernetes context (from the kubeconfig)</source>
        <translation>Kubernetes コンテキスト（kubeconfig から）</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>TLS not verified for %1</source>
        <translation>%1 は TLS 未検証</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 sets insecure-skip-tls-verify: anyone between you and %2 can read and change what Labdeck sends, credentials included. Give the cluster&apos;s CA (certificate-authority-data) instead.</source>
        <translation>%1 は insecure-skip-tls-verify を設定しています。あなたと %2 の間にいる誰もが、認証情報を含め Labdeck の送る内容を読み書きできます。代わりにクラスターの CA（certificate-authority-data）を指定してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Credentials not sent: %1 is plain http://</source>
        <translation>認証情報は送信されません: %1 は暗号化されない http:// です</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 SSH %2</source>
        <translation>%1 SSH %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: SSH %2</source>
        <translation>%1: SSH %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: SSH %2 — %3</source>
        <translation>%1: SSH %2 — %3</translation>
    </message>
</context>
<context>
    <name>labdeck::LabHistoryRecorder</name>
    <message>
        <location filename="../../ui/history/historypanes.cpp" line="+48"/>
        <source>Labdeck was not running</source>
        <translation>Labdeck が動いていませんでした</translation>
    </message>
</context>
<context>
    <name>labdeck::LabMetrics</name>
    <message>
        <location filename="../../models/labmetrics.cpp" line="+48"/>
        <source>no Prometheus URL in the inventory (prometheus.url)</source>
        <translation>インベントリに Prometheus の URL がありません（prometheus.url）</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>metrics-server</source>
        <translation>metrics-server</translation>
    </message>
</context>
<context>
    <name>labdeck::LabSummary</name>
    <message>
        <location filename="../../models/labsummary.cpp" line="+139"/>
        <source>No lab loaded</source>
        <translation>ラボが読み込まれていません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All %1 items ok</source>
        <translation>%1 項目すべて正常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting for the lab&apos;s state</source>
        <translation>ラボの状態を待っています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No problems; %1 of %2 items not known yet</source>
        <translation>問題なし。%2 項目中 %1 項目はまだ不明</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 more affected)</source>
        <translation>%1 (ほかに %2 項目が影響)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 critical</source>
        <translation>重大 %1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 warning</source>
        <translation>警告 1 件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 warnings</source>
        <translation>警告 %1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>and %1 more</source>
        <translation>ほか %1 件</translation>
    </message>
</context>
<context>
    <name>labdeck::LabTray</name>
    <message>
        <location filename="../../ui/tray/labtray.cpp" line="+112"/>
        <source>&amp;Show Labdeck</source>
        <translation>Labdeck を表示(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Settings...</source>
        <translation>設定...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit Labdeck</source>
        <translation>Labdeck を終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Labdeck: %1</source>
        <translation>Labdeck: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Pause Notifications for 1 Hour</source>
        <translation>通知を 1 時間止める(&amp;P)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Keep Watching in the Tray?</source>
        <translation>トレイで見守り続けますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labdeck can keep watching the lab from the system tray when its window is closed: the tray icon shows the lab&apos;s worst state, and its menu brings the window back.</source>
        <translation>ウィンドウを閉じても、Labdeck はシステムトレイからラボを見守り続けられます。トレイアイコンがラボの最も悪い状態を示し、そのメニューからウィンドウを戻せます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You can change this later in Settings &gt; Tray.</source>
        <translation>あとで 設定 &gt; トレイ で変更できます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Watching in Tray</source>
        <translation>トレイで見守り続ける</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Labdeck</source>
        <translation>Labdeck を終了</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Tray</source>
        <translation>トレイ(&amp;T)</translation>
    </message>
</context>
<context>
    <name>labdeck::LogsPane</name>
    <message>
        <location filename="../../ui/kube/logspane.cpp" line="+29"/>
        <source>Follow</source>
        <translation>追従</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timestamps</source>
        <translation>タイムスタンプ</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a pod or workload and press Logs (Ctrl+Shift+L).</source>
        <translation>Pod かワークロードを選んで［ログ］（Ctrl+Shift+L）を押してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Container:</source>
        <translation>コンテナー:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Container</source>
        <translation>コンテナー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last lines:</source>
        <translation>末尾の行数:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last lines</source>
        <translation>末尾の行数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search (Enter: next, Shift+Enter: previous)</source>
        <translation>検索（Enter: 次へ、Shift+Enter: 前へ）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Log</source>
        <translation>ログ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pod %1 in %2</source>
        <translation>%2 の Pod %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not connected to a cluster.</source>
        <translation>クラスターに接続していません。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Log ended (%n line(s)).</source>
        <translation>
            <numerusform>ログの終わりです（%n 行）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log stopped: %1</source>
        <translation>ログが止まりました: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Following...</source>
        <translation>追従中...</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loading...</source>
        <translation>読み込み中...</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Following: %n line(s)</source>
        <translation>
            <numerusform>追従中: %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+10"/>
        <source>&quot;%1&quot; not found</source>
        <translation>「%1」は見つかりません</translation>
    </message>
</context>
<context>
    <name>labdeck::MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+55"/>
        <location line="+335"/>
        <source>Labdeck</source>
        <translation>Labdeck</translation>
    </message>
    <message>
        <location line="-318"/>
        <location line="+77"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Use Built-in Lab</source>
        <translation>組み込みラボを使う</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Lab</source>
        <translation>ラボ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter hosts and workloads (Ctrl+F)</source>
        <translation>ホストとワークロードを絞り込み（Ctrl+F）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hosts and workloads</source>
        <translation>ホストとワークロード</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Inventory...</source>
        <translation>インベントリを開く(&amp;O)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reload Inventory</source>
        <translation>インベントリを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Create My Inventory from the Built-in Lab...</source>
        <translation>組み込みラボから自分のインベントリを作成(&amp;C)...</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the &amp;Built-in Lab</source>
        <translation>組み込みラボを使う(&amp;B)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Settings...</source>
        <translation>設定(&amp;S)...</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom In</source>
        <translation>拡大</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom Out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>ウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit</source>
        <translation>全体表示</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reset Layout</source>
        <translation>レイアウトを元に戻す(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go To</source>
        <translation>移動(&amp;G)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter</source>
        <translation>絞り込み</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Clear Selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Labdeck</source>
        <translation>Labdeck について(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Main Toolbar</source>
        <translation>メインツールバー</translation>
    </message>
    <message>
        <location line="+174"/>
        <source>Inventory: %1</source>
        <translation>インベントリ: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 - Labdeck</source>
        <translation>%1 - Labdeck</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>The inventory %1 has %n error(s); it was not loaded.</source>
        <translation>
            <numerusform>インベントリ %1 に %n 件のエラーがあるため、読み込みませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The lab shown is the last one that loaded. Fix the file and press Reload (F5); Labdeck never changes it.</source>
        <translation>表示中のラボは最後に読み込めたものです。ファイルを直して［再読み込み］（F5）を押してください。Labdeck がこのファイルを書き換えることはありません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fix the file and press Reload (F5), or use the built-in lab. Labdeck never changes your file.</source>
        <translation>ファイルを直して［再読み込み］（F5）を押すか、組み込みラボを使ってください。Labdeck がファイルを書き換えることはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inventory: %1 (errors)</source>
        <translation>インベントリ: %1（エラーあり）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Open Inventory</source>
        <translation>インベントリを開く</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lab inventory (*.yaml *.yml);;All files (*)</source>
        <translation>ラボのインベントリ (*.yaml *.yml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <location line="+11"/>
        <source>Create My Inventory</source>
        <translation>自分のインベントリを作成</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>%1 already exists and was left as it is. Labdeck never overwrites an inventory; edit it, or move it away first.</source>
        <translation>%1 はすでにあるため、そのままにしました。Labdeck はインベントリを上書きしません。そのファイルを編集するか、先に別の場所へ移してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Write a copy of the built-in lab to %1 so you can edit it to describe your own lab?</source>
        <translation>組み込みラボのコピーを %1 に書き出しますか？ 書き出したファイルを編集して、自分のラボを記述できます。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>About Labdeck</source>
        <translation>Labdeck について</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;Labdeck %1&lt;/h3&gt;&lt;p&gt;A native control panel for a small homelab: Kubernetes nodes, a Docker Compose host and a GPU server, seen at once.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Labdeck %1&lt;/h3&gt;&lt;p&gt;小規模なホームラボのためのネイティブなコントロールパネルです。Kubernetes ノード、Docker Compose ホスト、GPU サーバーをひと目で見渡せます。&lt;/p&gt;&lt;p&gt;Qt %2 でビルドされています。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>labdeck::MetricChart</name>
    <message>
        <location filename="../../models/metricchart.cpp" line="+259"/>
        <source>no new samples since %1</source>
        <translation>%1 以降、新しいサンプルがありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no answer since %1</source>
        <translation>%1 以降、応答がありません</translation>
    </message>
</context>
<context>
    <name>labdeck::MetricChartWidget</name>
    <message>
        <location filename="../../ui/charts/metricchartwidget.cpp" line="+133"/>
        <source>Point at a line for its values; drag across the chart to zoom into a time range, double-click to show all of it</source>
        <translation>線にポインターを合わせると値を表示します。チャート上をドラッグするとその期間を拡大し、ダブルクリックで全体に戻します</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The latest value</source>
        <translation>最新の値</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+614"/>
        <source>PromQL</source>
        <translation>PromQL</translation>
    </message>
    <message>
        <location line="-612"/>
        <source>Show and edit the PromQL behind this chart</source>
        <translation>このチャートの PromQL を表示・編集</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PromQL of %1</source>
        <translation>%1 の PromQL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Run</source>
        <translation>実行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run this PromQL for this chart (Ctrl+Enter)</source>
        <translation>この PromQL をこのチャートで実行（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use Template</source>
        <translation>テンプレートを使う</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to the query from the chart templates (Settings)</source>
        <translation>チャートテンプレート（設定）のクエリーに戻す</translation>
    </message>
    <message>
        <location line="+419"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(at %1)</source>
        <translation>（%1 時点）</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>stale: %1</source>
        <translation>古いデータ: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>loading…</source>
        <translation>読み込み中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>updated %1</source>
        <translation>%1に更新</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus warned: %1</source>
        <translation>Prometheus の警告: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n point(s) per line, one every %1 s</source>
        <translation>
            <numerusform>線ごとに %n 点（%1 秒間隔）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>PromQL (custom)</source>
        <translation>PromQL（カスタム）</translation>
    </message>
</context>
<context>
    <name>labdeck::MetricsPanes</name>
    <message>
        <location filename="../../ui/charts/metricspanes.cpp" line="+60"/>
        <source>15 min</source>
        <translation>15 分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 h</source>
        <translation>1 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>6 h</source>
        <translation>6 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24 h</source>
        <translation>24 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 d</source>
        <translation>7 日</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+58"/>
        <source>Metrics</source>
        <translation>メトリクス</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Live</source>
        <translation>ライブ</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Time range of the charts</source>
        <translation>チャートの期間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart range</source>
        <translation>チャートの期間</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Refresh the charts every 15 s, fetching only the new samples</source>
        <translation>チャートを 15 秒ごとに更新します（新しいサンプルだけを取得）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Metrics</source>
        <translation>メトリクス(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload Charts</source>
        <translation>チャートを再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chart &amp;Templates…</source>
        <translation>チャートテンプレート(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus: how fresh the lab&apos;s metrics are</source>
        <translation>Prometheus: ラボのメトリクスの鮮度</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>%1% (%2, %3)</source>
        <translation>%1% (%2、%3)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alerts firing</source>
        <translation>発火中のアラート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus target</source>
        <translation>Prometheus ターゲット</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>down: %1</source>
        <translation>停止: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now %2, max %3</source>
        <translation>%1 現在 %2、最大 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Prometheus</source>
        <translation>Prometheus</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Select a host to see its charts.</source>
        <translation>ホストを選ぶと、そのチャートが表示されます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Prometheus: set prometheus.url in the inventory.</source>
        <translation>Prometheus がありません。インベントリで prometheus.url を設定してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 has no Prometheus instance in the inventory (sources.prometheusInstance), so it has no charts.</source>
        <translation>インベントリで %1 に Prometheus インスタンス（sources.prometheusInstance）が指定されていないため、チャートはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — instance %2 on %3%4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — インスタンス %2、%3%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (the demo lab&apos;s simulated Prometheus)</source>
        <translation>（デモラボの模擬 Prometheus）</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Chart Templates</source>
        <translation>チャートテンプレート</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The PromQL behind each chart. &lt;code&gt;$instance&lt;/code&gt; is replaced by the host&apos;s Prometheus instance label from the inventory (sources.prometheusInstance).</source>
        <translation>各チャートの PromQL です。&lt;code&gt;$instance&lt;/code&gt; は、インベントリにあるホストの Prometheus instance ラベル（sources.prometheusInstance）に置き換えられます。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>CPU %1 · memory %2 — from %3, %4</source>
        <translation>CPU %1 · メモリ %2 — %3 から取得、%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+2"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stale: %1</source>
        <translation>古いデータ: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alert firing: %1</source>
        <translation>発火中のアラート: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+16"/>
        <source>Prometheus target down: %1</source>
        <translation>Prometheus のターゲットがダウン: %1</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+16"/>
        <source>no error given</source>
        <translation>エラー内容なし</translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>%n alert(s) firing: %1</source>
        <translation>
            <numerusform>%n 件のアラートが発生中: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Prometheus: not configured</source>
        <translation>Prometheus: 未設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus ● unreachable</source>
        <translation>Prometheus ● 接続不可</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prometheus ● %1</source>
        <translation>Prometheus ● %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prometheus: connecting…</source>
        <translation>Prometheus: 接続中…</translation>
    </message>
</context>
<context>
    <name>labdeck::NodeModel</name>
    <message>
        <location filename="../../models/kubemodels.cpp" line="-79"/>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conditions</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Roles</source>
        <translation>ロール</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Version</source>
        <translation>バージョン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>labdeck::NotificationPolicy</name>
    <message>
        <location filename="../../models/notificationpolicy.cpp" line="+35"/>
        <source>Hosts and nodes</source>
        <translation>ホストとノード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kubernetes workloads</source>
        <translation>Kubernetes ワークロード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose and host services</source>
        <translation>Compose とホストのサービス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host components (tunnels, NFS, GPU)</source>
        <translation>ホストの構成要素(トンネル、NFS、GPU)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Public URLs and certificates</source>
        <translation>公開 URL と証明書</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>%1 recovered</source>
        <translation>%1 が回復しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>after %1 (it was %2: %3)</source>
        <translation>%1 後に回復 (%2 でした: %3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 more affected</source>
        <translation>ほかに %1 項目が影響</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>still, for %1</source>
        <translation>%1 続いています</translation>
    </message>
</context>
<context>
    <name>labdeck::PassphraseDialog</name>
    <message>
        <location filename="../../ui/ssh/passphrasedialog.cpp" line="+18"/>
        <source>Passphrase for an SSH key</source>
        <translation>SSH 鍵のパスフレーズ</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To connect to %1, Labdeck needs the passphrase of the key %2.</source>
        <translation>%1 に接続するには、鍵 %2 のパスフレーズが必要です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That passphrase was not right; try again.</source>
        <translation>パスフレーズが違います。もう一度入力してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep in the system keychain</source>
        <translation>システムのキーチェーンに保存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored by the desktop&apos;s keychain, never in a Labdeck file</source>
        <translation>デスクトップのキーチェーンに保存され、Labdeck のファイルには書き込まれません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No system keychain is configured</source>
        <translation>システムのキーチェーンが設定されていません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unlock</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skip this key</source>
        <translation>この鍵をスキップ</translation>
    </message>
</context>
<context>
    <name>labdeck::PodModel</name>
    <message>
        <location filename="../../models/kubemodels.cpp" line="-266"/>
        <source>%1 (stale)</source>
        <translation>%1（古い情報）</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Pod</source>
        <translation>Pod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restarts</source>
        <translation>再起動回数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>labdeck::RemotePanes</name>
    <message>
        <location filename="../../ui/remote/remotepanes.cpp" line="+37"/>
        <source>Tunnel and GPU</source>
        <translation>トンネルと GPU</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tailscale</source>
        <translation>Tailscale</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
</context>
<context>
    <name>labdeck::ServiceWizard</name>
    <message>
        <location filename="../../ui/wizards/servicewizard.cpp" line="+172"/>
        <source>New Service</source>
        <translation>新しいサービス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Service</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What runs, where, and where its manifests are written.</source>
        <translation>何をどこで動かし、マニフェストをどこに書き出すかを指定します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose…</source>
        <translation>選択…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Manifests Folder</source>
        <translation>マニフェストフォルダー</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Manifests &amp;folder:</source>
        <translation>マニフェストフォルダー(&amp;F):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Laid out like the seed: base/ for namespaces and storage, apps/ for bracky, monitoring/ and devops/ for metamon.</source>
        <translation>seed と同じ構成です: base/ に Namespace とストレージ、apps/ に bracky 用、monitoring/ と devops/ に metamon 用のマニフェストを置きます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>bracky — apps (role=apps)</source>
        <translation>bracky — アプリ（role=apps）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>metamon — DevOps (role=devops)</source>
        <translation>metamon — DevOps（role=devops）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Node:</source>
        <translation>ノード:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Create this namespace (base/namespace-&lt;name&gt;.yaml)</source>
        <translation>この Namespace を作成（base/namespace-&lt;name&gt;.yaml）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name&amp;space:</source>
        <translation>Namespace(&amp;S):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Image and tag:</source>
        <translation>イメージとタグ(&amp;I):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Container &amp;port:</source>
        <translation>コンテナーのポート(&amp;P):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Replicas:</source>
        <translation>レプリカ数(&amp;R):</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A NodePort lets Traefik on pochama reach the service; a public URL adds a Traefik route with a Let&apos;s Encrypt certificate.</source>
        <translation>NodePort を使うと、pochama の Traefik からサービスに到達できます。公開 URL を指定すると、Let&apos;s Encrypt の証明書付きの Traefik ルートを追加します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>none (ClusterIP only)</source>
        <translation>なし（ClusterIP のみ）</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Na&amp;me:</source>
        <translation>名前(&amp;M):</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>N&amp;odePort:</source>
        <translation>NodePort(&amp;O):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>30000–32767, checked against the inventory and the live cluster.</source>
        <translation>30000–32767。インベントリと稼働中のクラスターに照らして確認します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Public host:</source>
        <translation>公開ホスト(&amp;P):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional. Writes traefik/&lt;name&gt;.yaml next to the manifests and offers to add the URL to your inventory.</source>
        <translation>省略可。マニフェストの隣に traefik/&lt;name&gt;.yaml を書き出し、URL をインベントリに追加するか確認します。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Resources</source>
        <translation>リソース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each node has 1 OCPU and 6 GB. Requests reserve, limits cap.</source>
        <translation>各ノードは 1 OCPU、6 GB です。要求（request）は確保する量、上限（limit）は使える量の上限です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CPU &amp;request:</source>
        <translation>CPU 要求(&amp;R):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CPU &amp;limit:</source>
        <translation>CPU 上限(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Memory request:</source>
        <translation>メモリ要求(&amp;M):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory l&amp;imit:</source>
        <translation>メモリ上限(&amp;I):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Environment and Secrets</source>
        <translation>環境変数と Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret values go into a Kubernetes Secret sent to the cluster; they are never written to a file or a log.</source>
        <translation>Secret の値はクラスターに送る Kubernetes Secret に入れられ、ファイルやログには一切書き込まれません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Secret</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add Variable</source>
        <translation>変数を追加(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Storage and Probes</source>
        <translation>ストレージとプローブ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persistent storage is an NFS share on pochama under /srv/nfs/k8s/&lt;name&gt;.</source>
        <translation>永続ストレージは、pochama の /srv/nfs/k8s/&lt;name&gt; にある NFS 共有です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Persistent &amp;storage on pochama&apos;s NFS</source>
        <translation>pochama の NFS に永続ストレージを置く(&amp;S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Si&amp;ze:</source>
        <translation>サイズ(&amp;Z):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mount &amp;path:</source>
        <translation>マウントパス(&amp;P):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP GET</source>
        <translation>HTTP GET</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TCP connect</source>
        <translation>TCP 接続</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rea&amp;diness probe:</source>
        <translation>Readiness プローブ(&amp;D):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Liveness probe:</source>
        <translation>Liveness プローブ(&amp;L):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Review and Apply</source>
        <translation>確認と適用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The files to write, the YAML, and what would change in the cluster (a server-side apply dry run, field manager labdeck).</source>
        <translation>書き出すファイル、YAML、クラスターで変わる内容（server-side apply のドライラン、フィールドマネージャー labdeck）を確認します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>File or object</source>
        <translation>ファイル / オブジェクト</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Apply</source>
        <translation>適用(&amp;A)</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Files in %1</source>
        <translation>%1 のファイル</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>new file</source>
        <translation>新規ファイル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>変更なし</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exists and differs: you are asked before it is replaced</source>
        <translation>既存のファイルと異なります。置き換える前に確認します</translation>
    </message>
    <message>
        <location line="+9"/>
        <source># %1: sent to the cluster only, never written
</source>
        <translation># %1: クラスターにのみ送信し、ファイルには書き込みません
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Objects</source>
        <translation>オブジェクト</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>checking…</source>
        <translation>確認中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Write Files</source>
        <translation>ファイルを書き出す(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not connected to a cluster: the files can be written, and applied later with Apply Folder.</source>
        <translation>クラスターに接続していません。ファイルは書き出せるので、後で［フォルダーを適用］で適用できます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dry run…</source>
        <translation>ドライラン中…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Dry run: %1 would be created, %2 changed, %3 unchanged, %4 conflicts, %5 failed.</source>
        <translation>ドライラン: 作成 %1、変更 %2、変更なし %3、競合 %4、失敗 %5。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Replace %1?</source>
        <translation>%1 を置き換えますか？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 already exists and differs from what the wizard would write. Replace it? Nothing is written or applied otherwise.</source>
        <translation>%1 はすでに存在し、ウィザードが書き出す内容と異なります。置き換えますか？ 置き換えない場合は、何も書き出さず、適用もしません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace File</source>
        <translation>ファイルを置き換え</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing written or applied: %1 was kept as it is.</source>
        <translation>何も書き出さず、適用もしていません。%1 はそのままです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing written or applied: %1</source>
        <translation>何も書き込まず、適用もしていません: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Files written to %1.</source>
        <translation>ファイルを %1 に書き出しました。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Applying with force…</source>
        <translation>強制適用中…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applying…</source>
        <translation>適用中…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not applied where another manager owns fields: %1 conflict(s). The rest was applied.</source>
        <translation>別のマネージャーがフィールドを管理している箇所は適用しませんでした（競合 %1 件）。残りは適用しました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Apply failed:
%1</source>
        <translation>適用に失敗しました:
%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Applied; nothing to roll out.</source>
        <translation>適用しました。ロールアウトするものはありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Applied. %1…</source>
        <translation>適用しました。%1…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ready: %1</source>
        <translation>準備完了: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rollout failed: %1</source>
        <translation>ロールアウトに失敗しました: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The URL https://%1 was not added to the inventory. %2</source>
        <translation>URL https://%1 はインベントリに追加されませんでした。%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: cannot read: %2</source>
        <translation>%1: 読み込めません: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add URL to Inventory</source>
        <translation>URL をインベントリに追加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add %1 to workload %2 in %3? A backup is kept as %3.bak.</source>
        <translation>%3 のワークロード %2 に %1 を追加しますか？ バックアップを %3.bak として残します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add URL</source>
        <translation>URL を追加</translation>
    </message>
</context>
<context>
    <name>labdeck::SettingsDialog</name>
    <message>
        <location filename="../../ui/settings/settingsdialog.cpp" line="+9"/>
        <source>Labdeck Settings</source>
        <translation>Labdeck の設定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Exec Plugins</source>
        <translation>exec プラグイン(&amp;E)</translation>
    </message>
</context>
<context>
    <name>labdeck::SimulateMenu</name>
    <message>
        <location filename="../../ui/demo/simulatemenu.cpp" line="+31"/>
        <source>Undo all</source>
        <translation>すべて元に戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts the demo lab back as it was</source>
        <translation>デモラボを元の状態に戻します</translation>
    </message>
</context>
<context>
    <name>labdeck::TablePane</name>
    <message>
        <location filename="../../ui/kube/tablepane.cpp" line="+77"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+68"/>
        <source>All namespaces</source>
        <translation>すべての Namespace</translation>
    </message>
</context>
<context>
    <name>labdeck::TimelineStrip</name>
    <message>
        <location filename="../../ui/history/timelinestrip.cpp" line="+19"/>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 spans: %2 ok, %3 warning, %4 critical, %5 unknown, %6 without data</source>
        <translation>%1 区間: 正常 %2、警告 %3、重大 %4、不明 %5、データなし %6</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: nothing recorded</source>
        <translation>%1: 記録なし</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 results %2</source>
        <translation>%2 の結果 %1 件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
</context>
<context>
    <name>labdeck::TopologyScene</name>
    <message>
        <location filename="../../ui/topology/topologyscene.cpp" line="+111"/>
        <source>NFS</source>
        <translation>NFS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Internet</source>
        <translation>インターネット</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
served by %2 on %3</source>
        <translation>%1
%3 の %2 が提供</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>TLS ends at %1 on %2</source>
        <translation>%2 の %1 で TLS 終端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTPS :443</source>
        <translation>HTTPS :443</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tailscale: %1</source>
        <translation>Tailscale: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>NFS ×%1</source>
        <translation>NFS ×%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HTTPS ingress (TLS)</source>
        <translation>HTTPS ingress（TLS）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NodePort routing</source>
        <translation>NodePort ルーティング</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tailscale mesh</source>
        <translation>Tailscale メッシュ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NFS volumes</source>
        <translation>NFS ボリューム</translation>
    </message>
</context>
<context>
    <name>labdeck::TopologyView</name>
    <message>
        <location filename="../../ui/topology/topologyview.cpp" line="+28"/>
        <source>Lab topology</source>
        <translation>ラボのトポロジー</translation>
    </message>
</context>
<context>
    <name>labdeck::TransitionsPane</name>
    <message>
        <location filename="../../ui/history/transitionspane.cpp" line="+46"/>
        <source>Filter by item or text</source>
        <translation>項目またはテキストで絞り込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filter the history</source>
        <translation>履歴の絞り込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All changes</source>
        <translation>すべての変化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Problems (warning or critical)</source>
        <translation>問題(警告または重大)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical only</source>
        <translation>重大のみ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Severity</source>
        <translation>重大度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>When</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change</source>
        <translation>変化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What was said</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State changes</source>
        <translation>状態の変化</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 %2 → %3 %4</source>
        <translation>%1 %2 → %3 %4</translation>
    </message>
</context>
<context>
    <name>labdeck::TrayPage</name>
    <message>
        <location filename="../../ui/tray/labtray.cpp" line="+8"/>
        <source>&amp;Quiet hours, from</source>
        <translation>通知しない時間帯(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep watching in the system tray when the window is closed</source>
        <translation>ウィンドウを閉じてもシステムトレイで見守り続ける(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start Labdeck in the tray when I log in</source>
        <translation>ログイン時に Labdeck をトレイで起動する(&amp;S)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The login entry is %1</source>
        <translation>ログイン時のエントリ: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>A problem must last this long before it is notified, so that a flap says nothing</source>
        <translation>問題がこの時間続いてから通知します。一時的な揺れでは通知しません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> h</source>
        <translation> 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A problem that lasts is notified again at most this often</source>
        <translation>続いている問題は、最大でもこの間隔でしか再通知しません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notify when a problem has lasted</source>
        <translation>問題が続いたら通知するまでの時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remind of a lasting problem every</source>
        <translation>続いている問題の再通知の間隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to</source>
        <translation>から</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Notify about</source>
        <translation>通知する対象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after it lasted</source>
        <translation>継続時間</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>as above</source>
        <translation>上と同じ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wait before notifying about %1</source>
        <translation>%1 を通知するまでの待ち時間</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Desktop notifications</source>
        <translation>デスクトップ通知</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Closing the window with this on keeps Kubernetes watches, checks and monitors running; File &gt; Quit ends Labdeck.</source>
        <translation>これをオンにすると、ウィンドウを閉じても Kubernetes の監視、チェック、モニターは動き続けます。Labdeck を終えるには ファイル &gt; 終了 を使います。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This desktop session has no system tray, so closing the window quits Labdeck. A session started at login shows the window.</source>
        <translation>このデスクトップセッションにはシステムトレイがないため、ウィンドウを閉じると Labdeck は終了します。ログイン時に起動した場合はウィンドウを表示します。</translation>
    </message>
</context>
<context>
    <name>labdeck::WorkloadModel</name>
    <message>
        <location filename="../../models/kubemodels.cpp" line="+68"/>
        <source>Workload</source>
        <translation>ワークロード</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ready</source>
        <translation>準備完了</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Up to date</source>
        <translation>最新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images</source>
        <translation>イメージ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nodes</source>
        <translation>ノード</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Age</source>
        <translation>経過時間</translation>
    </message>
</context>
<context>
    <name>labdeck::YamlReader</name>
    <message>
        <location filename="../../services/common/yamlreader.cpp" line="+120"/>
        <source>not valid YAML: byte 0x%1 is not UTF-8 text</source>
        <translation>正しい YAML ではありません: バイト 0x%1 は UTF-8 のテキストではありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the document is too large: more than %1 values (aliases counted each time they are used)</source>
        <translation>ドキュメントが大きすぎます: 値が %1 個を超えています (エイリアスは使われるたびに数えます)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>an alias refers to a value that contains it</source>
        <translation>エイリアスが自分を含む値を参照しています</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nested more than %1 levels deep</source>
        <translation>入れ子が %1 段より深くなっています</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>not valid YAML: %1</source>
        <translation>正しい YAML ではありません: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>cannot read the file: %1</source>
        <translation>ファイルを読めません: %1</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>cannot read this part of the file: %1</source>
        <translation>ファイルのこの部分を読めません: %1</translation>
    </message>
</context>
<context>
    <name>labdeck::app</name>
    <message>
        <location filename="../../app/commandline.cpp" line="+122"/>
        <source>Reads and checks the lab inventory without a window.</source>
        <translation>ウィンドウを開かずに、ラボのインベントリを読み込んで検査します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the built-in lab inventory (YAML).</source>
        <translation>組み込みラボのインベントリ（YAML）を出力します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the inventory Labdeck would use; exit 1 on errors.</source>
        <translation>Labdeck が使うインベントリを検査します。
エラーがあれば終了コード 1 で終了します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use FILE as the inventory.</source>
        <translation>FILE をインベントリとして使います。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>labdeck: --minimized: there is no system tray in this session; showing the window</source>
        <translation>labdeck: --minimized: このセッションにはシステムトレイがないため、ウィンドウを表示します</translation>
    </message>
    <message>
        <location filename="../../app/checkcommand.cpp" line="+356"/>
        <source>labdeck check: warning: context %1 sets insecure-skip-tls-verify in %2: TLS is not verified, so anyone between you and %3 can read and change what Labdeck sends, credentials included. Give the cluster&apos;s CA (certificate-authority-data) instead.</source>
        <translation>labdeck check: 警告: コンテキスト %1 は %2 で insecure-skip-tls-verify を設定しています。TLS が検証されないため、あなたと %3 の間にいる誰もが、認証情報を含め Labdeck が送る内容を読み取り、改ざんできます。代わりにクラスターの CA（certificate-authority-data）を指定してください。</translation>
    </message>
    <message>
        <location line="-223"/>
        <source>Checks the lab without a window: certificates, Traefik routes, endpoints, tunnels, Kubernetes, Prometheus, GPU.
Exit code: 0 all ok, 1 a warning, 2 a critical result, 3 a check could not run.</source>
        <translation>ウィンドウを開かずにラボをチェックします: 証明書、Traefik のルート、エンドポイント、トンネル、Kubernetes、Prometheus、GPU。
終了コード: 0 すべて正常、1 警告あり、2 異常あり、3 実行できなかったチェックあり。</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>--textfile: cannot write %1: the directory %2 does not exist</source>
        <translation>--textfile: %1 に書き込めません: ディレクトリ %2 がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--textfile: cannot write %1: %2 is not a directory</source>
        <translation>--textfile: %1 に書き込めません: %2 はディレクトリではありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--textfile: cannot write %1: the directory %2 is not writable</source>
        <translation>--textfile: %1 に書き込めません: ディレクトリ %2 に書き込み権限がありません</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>What to check: %1 or all (default: all).</source>
        <translation>チェック対象: %1 または all（既定: all）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print JSON (schema in docs/checks.md).</source>
        <translation>JSON で出力します（スキーマは docs/checks.md）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+9"/>
        <location line="+10"/>
        <location filename="../../app/commandline.cpp" line="-85"/>
        <location filename="../../app/guioptions.cpp" line="+30"/>
        <location line="+3"/>
        <location line="+18"/>
        <location filename="../../app/historycommand.cpp" line="+139"/>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Use FILE as the lab inventory.</source>
        <translation>FILE をラボのインベントリとして使います。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the demo lab (a simulated cluster and loopback TLS servers).</source>
        <translation>デモラボ（模擬クラスターとループバックの TLS サーバー）をチェックします。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seconds each target may take (default 10).</source>
        <translation>各ターゲットにかけてよい秒数（既定 10）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also trust the CA certificates in FILE (PEM) for this run.</source>
        <translation>この実行では、FILE（PEM）にある CA 証明書も信頼します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connect to ADDRESS for HOST:PORT (as curl); TLS still checks HOST.</source>
        <translation>HOST:PORT の代わりに ADDRESS に接続します（curl と同様）。TLS は HOST で検証します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT:ADDRESS</source>
        <translation>HOST:PORT:ADDRESS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect to ADDRESS:PORT2 for HOST:PORT (as curl).</source>
        <translation>HOST:PORT の代わりに ADDRESS:PORT2 に接続します（curl と同様）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HOST:PORT:ADDRESS:PORT2</source>
        <translation>HOST:PORT:ADDRESS:PORT2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kubeconfig for the k8s check (default: $KUBECONFIG or ~/.kube/config).</source>
        <translation>k8s チェックに使う kubeconfig（既定: $KUBECONFIG または ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kubeconfig context.</source>
        <translation>kubeconfig コンテキスト。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Traefik&apos;s router API (default: the dashboard URL + /api/http/routers).</source>
        <translation>Traefik のルーター API（既定: ダッシュボードの URL + /api/http/routers）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Warn when a certificate has fewer days left (default 21).</source>
        <translation>証明書の残り日数がこれより少ないと警告にします（既定 21）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Critical when a certificate has fewer days left (default 7).</source>
        <translation>証明書の残り日数がこれより少ないと異常にします（既定 7）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --demo: put the demo lab into these failures first, as Demo → Simulate failure does, e.g. kubelet:bracky,deny:statefulsets (an unknown id lists them all).</source>
        <translation>--demo と共に: まずデモラボをこれらの障害状態にします（デモ → 障害をシミュレート と同じ）。例: kubelet:bracky,deny:statefulsets（不明な ID を渡すと一覧を表示します）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>IDS</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Serve the results as Prometheus metrics on http://ADDRESS:PORT/metrics, re-running the checks on a schedule; a bare PORT listens on 127.0.0.1. Runs until SIGINT or SIGTERM.</source>
        <translation>結果を Prometheus のメトリクスとして http://ADDRESS:PORT/metrics で公開し、チェックを定期的に再実行します。PORT だけなら 127.0.0.1 で待ち受けます。SIGINT か SIGTERM まで動き続けます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ADDRESS:PORT</source>
        <translation>ADDRESS:PORT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --serve: run the checks every DURATION (Go style: 90s, 5m, 1h; default 5m).</source>
        <translation>--serve と併用: DURATION ごとにチェックを実行します (Go 形式: 90s, 5m, 1h。既定は 5m)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location filename="../../app/historycommand.cpp" line="-10"/>
        <source>DURATION</source>
        <translation>DURATION</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With --serve: check the certificates every DURATION (default 6h).</source>
        <translation>--serve と併用: DURATION ごとに証明書をチェックします (既定は 6h)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also write the metrics to DIR/labdeck.prom (atomically) for node_exporter&apos;s textfile collector; with --serve after every round.</source>
        <translation>node_exporter の textfile コレクター向けに、メトリクスを DIR/labdeck.prom にも (アトミックに) 書き出します。--serve と併用すると毎回のラウンド後に書き出します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also add the results to the history ($LABDECK_HISTORY or ~/.local/share/labdeck/labdeck/history.sqlite), as the window does; with --serve after every round.</source>
        <translation>結果を履歴($LABDECK_HISTORY または ~/.local/share/labdeck/labdeck/history.sqlite)にもウィンドウと同じように追加します。--serve ではラウンドごとに追加します。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>labdeck check: there is no check called &quot;%1&quot;; use %2 or all</source>
        <translation>labdeck check: 「%1」というチェックはありません。%2 か all を指定してください</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>labdeck check: --timeout must be a number of seconds between 0 and 600</source>
        <translation>labdeck check: --timeout には 0～600 の秒数を指定してください</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>labdeck check: --warn-days and --critical-days take a whole number of days</source>
        <translation>labdeck check: --warn-days と --critical-days には日数を整数で指定してください</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>labdeck check: --traefik-api needs a URL such as https://traefik.example.com/api/http/routers</source>
        <translation>labdeck check: --traefik-api には https://traefik.example.com/api/http/routers のような URL を指定してください</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>labdeck check: --serve needs PORT or ADDRESS:PORT, such as 9464, 127.0.0.1:9464, 0.0.0.0:9464 or [::1]:9464</source>
        <translation>labdeck check: --serve には PORT か ADDRESS:PORT が必要です (例: 9464、127.0.0.1:9464、0.0.0.0:9464、[::1]:9464)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>labdeck check: --json prints one run; with --serve the results are on /metrics</source>
        <translation>labdeck check: --json は 1 回分の結果を出力します。--serve では結果は /metrics にあります</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>labdeck check: --interval and --cert-interval work with --serve</source>
        <translation>labdeck check: --interval と --cert-interval は --serve と一緒に使います</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>labdeck check: --interval and --cert-interval take a duration between 1s and 168h, such as 90s, 5m or 6h</source>
        <translation>labdeck check: --interval と --cert-interval には 1s から 168h までの期間を指定します (例: 90s、5m、6h)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>labdeck check: --simulate works on the demo lab only (--demo)</source>
        <translation>labdeck check: --simulate はデモラボ（--demo）でのみ使えます</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>labdeck check: give either --inventory or --demo, not both</source>
        <translation>labdeck check: --inventory と --demo は同時に指定できません。どちらか一方にしてください</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>labdeck check: the inventory did not load, nothing was checked</source>
        <translation>labdeck check: インベントリを読み込めなかったため、何もチェックしていません</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>labdeck check: serving the checks&apos; metrics on http://%1/metrics</source>
        <translation>labdeck check: チェックのメトリクスを http://%1/metrics で公開しています</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>labdeck check: --simulate: no failure %1 for these checks; one of:
  %2</source>
        <translation>labdeck check: --simulate: これらのチェックに障害 %1 はありません。次のいずれか:
  %2</translation>
    </message>
    <message>
        <location filename="../../app/commandline.cpp" line="-29"/>
        <source>labdeck: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set).
  To see the window on a machine without a screen, run it under Xvfb:
      xvfb-run -a labdeck
  To render the window to a picture:
      labdeck --screenshot labdeck.png
  To use Labdeck without a window:
      labdeck inventory --validate       check the lab inventory
      labdeck inventory --print-default  print the built-in lab
      labdeck check all [--json]         check certificates, routes, tunnels, the cluster...</source>
        <translation>labdeck: ディスプレイが見つかりません（DISPLAY も WAYLAND_DISPLAY も設定されていません）。
  画面のないマシンでウィンドウを見るには Xvfb の下で実行します:
      xvfb-run -a labdeck
  ウィンドウを画像に書き出すには:
      labdeck --screenshot labdeck.png
  ウィンドウなしで使うには:
      labdeck inventory --validate       ラボのインベントリを検査
      labdeck inventory --print-default  組み込みのラボを出力
      labdeck check all [--json]         証明書、ルート、トンネル、クラスターなどをチェック</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1: not loaded (errors: %2)</source>
        <translation>%1: 読み込めませんでした（エラー %2 件）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: ok (hosts: %2, namespaces: %3, workloads: %4, compose services: %5, public URLs: %6)</source>
        <translation>%1: 問題なし（ホスト %2 台、Namespace %3 個、ワークロード %4 個、Compose サービス %5 個、公開 URL %6 個）</translation>
    </message>
    <message>
        <location filename="../../app/guioptions.cpp" line="-26"/>
        <source>Labdeck: a control panel for a small Kubernetes and Docker Compose homelab.</source>
        <translation>Labdeck: Kubernetes と Docker Compose の小さなホームラボ用コントロールパネル。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Use FILE as the lab inventory instead of ~/.config/labdeck/lab.yaml.</source>
        <translation>~/.config/labdeck/lab.yaml の代わりに
FILE をラボのインベントリとして使います。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Render the main window to FILE (PNG) and exit; works without a display.</source>
        <translation>メインウィンドウを FILE（PNG）に描画して
終了します。ディスプレイがなくても動きます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window size for --screenshot (default 1600x1000).</source>
        <translation>--screenshot のウィンドウサイズ
（既定値 1600x1000）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WIDTHxHEIGHT</source>
        <translation>WIDTHxHEIGHT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select ID at start, e.g. host:metamon or workload:apps/shlink.</source>
        <translation>起動時に ID の項目を選択します
（例: host:metamon、workload:apps/shlink）。</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../app/historycommand.cpp" line="+4"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run on the demo lab: a simulated cluster holding the lab of the inventory. This is the default when no lab is configured.</source>
        <translation>デモラボで動かします。インベントリのラボを載せた模擬クラスターです。
ラボが設定されていないときの既定です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use only this kubeconfig file (default: $KUBECONFIG or ~/.kube/config).</source>
        <translation>この kubeconfig ファイルだけを使います
（既定: $KUBECONFIG または ~/.kube/config）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use this kubeconfig context.</source>
        <translation>この kubeconfig コンテキストを使います。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Demo lab: switch these Demo → Simulate failure entries on at start, e.g. kubelet:bracky,deny:statefulsets (an unknown id lists them all).</source>
        <translation>デモラボ: 起動時に デモ → 障害をシミュレート のこれらの項目をオンにします。例: kubelet:bracky,deny:statefulsets（不明な ID を渡すと一覧を表示します）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ids</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start in the system tray without opening the window (the window opens when there is no tray).</source>
        <translation>ウィンドウを開かずにシステムトレイで起動します (トレイがないときはウィンドウを開きます)。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>labdeck: unexpected argument %1 (see labdeck --help)</source>
        <translation>labdeck: 想定外の引数 %1 があります(labdeck --help を参照)</translation>
    </message>
    <message>
        <location filename="../../app/checkcommand.cpp" line="-361"/>
        <location filename="../../app/guioptions.cpp" line="-23"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location filename="../../app/guioptions.cpp" line="+46"/>
        <source>labdeck: --screenshot-size must be WIDTHxHEIGHT, between 320x240 and 8192x8192, e.g. 1600x1000</source>
        <translation>labdeck: --screenshot-size は WIDTHxHEIGHT の形式で、320x240 から 8192x8192 までの値を指定してください（例: 1600x1000）</translation>
    </message>
    <message>
        <location filename="../../app/screenshot.cpp" line="+56"/>
        <source>labdeck: could not write the screenshot to %1</source>
        <translation>labdeck: スクリーンショットを %1 に書き込めませんでした</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1 (%2x%3)</source>
        <translation>%1 に書き出しました（%2x%3）</translation>
    </message>
    <message>
        <location filename="../../app/historycommand.cpp" line="-11"/>
        <source>Prints the incidents and the uptime of the lab&apos;s items from the history that the window and `labdeck check --record` keep.
Exit code: 0 printed, 1 no usable history file, 2 wrong arguments.</source>
        <translation>ウィンドウと `labdeck check --record` が記録する履歴から、ラボの各項目のインシデントと稼働率を表示します。
終了コード: 0 表示した、1 使える履歴ファイルがない、2 引数の誤り。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How far back: DURATION such as 24h, 7d or 2w (default 7d, at most 400d).</source>
        <translation>どこまで遡るか: 24h、7d、2w のような DURATION(既定 7d、最大 400d)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only this item, e.g. host:bracky or check:certs:https://ha.example.com.</source>
        <translation>この項目だけ(例: host:bracky、check:certs:https://ha.example.com)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print JSON (schema in docs/history.md).</source>
        <translation>JSON で出力します(スキーマは docs/history.md)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read FILE (default: $LABDECK_HISTORY or ~/.local/share/labdeck/labdeck/history.sqlite).</source>
        <translation>FILE を読みます(既定: $LABDECK_HISTORY または ~/.local/share/labdeck/labdeck/history.sqlite)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Read the demo lab&apos;s history (history-demo.sqlite next to the default file).</source>
        <translation>デモラボの履歴(既定のファイルの隣の history-demo.sqlite)を読みます。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>labdeck history: unexpected argument %1</source>
        <translation>labdeck history: 想定外の引数 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>labdeck history: --since takes a duration such as 24h, 7d or 2w (at most 400d)</source>
        <translation>labdeck history: --since には 24h、7d、2w のような期間を指定します(最大 400d)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>labdeck history: there is no history file %1 yet; the window and `labdeck check --record` write it</source>
        <translation>labdeck history: 履歴ファイル %1 はまだありません。ウィンドウと `labdeck check --record` が書き込みます</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>History in %1 since %2 UTC (%3)</source>
        <translation>%1 の履歴、%2 UTC 以降(%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was recorded in this span.</source>
        <translation>この期間の記録はありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ITEM</source>
        <translation>項目</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UPTIME</source>
        <translation>稼働率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BASED ON</source>
        <translation>根拠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INCIDENTS</source>
        <translation>インシデント</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 h watched</source>
        <translation>監視 %1 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 results</source>
        <translation>結果 %1 件</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No incidents in this span.</source>
        <translation>この期間のインシデントはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Incidents, newest first:</source>
        <translation>インシデント(新しい順):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ongoing</source>
        <translation>継続中</translation>
    </message>
</context>
<context>
    <name>labdeck::app::LabWindow</name>
    <message>
        <location filename="../../app/labwindow.cpp" line="+139"/>
        <source>labdeck: --simulate works on the demo lab only (--demo)</source>
        <translation>labdeck: --simulate はデモラボ（--demo）でのみ使えます</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>labdeck: --simulate: no failure %1; one of:
  %2</source>
        <translation>labdeck: --simulate: 障害 %1 はありません。次のいずれか:
  %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 (demo lab)</source>
        <translation>%1（デモラボ）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>labdeck: --select: nothing in the lab has the id %1</source>
        <translation>labdeck: --select: ID が %1 の項目はラボにありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Demo</source>
        <translation>デモ(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Simulate &amp;failure</source>
        <translation>障害をシミュレート(&amp;F)</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::CertCheck</name>
    <message>
        <location filename="../../services/checks/certcheck.cpp" line="+12"/>
        <source>public URLs</source>
        <translation>公開 URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inventory lists no public URL</source>
        <translation>インベントリに公開 URL がありません</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::CheckRunner</name>
    <message>
        <location filename="../../services/checks/checkrunner.cpp" line="+46"/>
        <source>could not run: there is no check called &quot;%1&quot;</source>
        <translation>実行できません: 「%1」というチェックはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use one of: %1.</source>
        <translation>次のいずれかを使ってください: %1。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>could not finish within %1 s</source>
        <translation>%1 秒以内に終わりませんでした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run it again; if it keeps happening, raise --timeout or the timeout in the settings.</source>
        <translation>もう一度実行してください。繰り返し起きる場合は、--timeout か設定のタイムアウトを大きくしてください。</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::EndpointCheck</name>
    <message>
        <location filename="../../services/checks/endpointcheck.cpp" line="+54"/>
        <source>endpoints</source>
        <translation>エンドポイント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inventory lists no public URL and no NodePort</source>
        <translation>インベントリに公開 URL も NodePort もありません</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::GpuCheck</name>
    <message>
        <location filename="../../services/checks/gpucheck.cpp" line="+30"/>
        <source>could not run: the inventory has no ollama.url</source>
        <translation>実行できません: インベントリに ollama.url がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set ollama.url in the inventory (e.g. http://gpu-server:11434).</source>
        <translation>インベントリに ollama.url を設定してください(例: http://gpu-server:11434)。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ollama at %1</source>
        <translation>%1 の Ollama</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check that Ollama runs on %1 (systemctl status ollama) and listens where ollama.url says.</source>
        <translation>%1 で Ollama が動いていて (systemctl status ollama)、ollama.url のアドレスで待ち受けているか確認してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Ollama %1: %n model(s) installed, %2 loaded</source>
        <translation>
            <numerusform>Ollama %1: %n 個のモデルをインストール済み、%2 個をロード中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+17"/>
        <source>GPU on %1</source>
        <translation>%1 の GPU</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>could not run: no SSH connection to %1 for nvidia-smi</source>
        <translation>実行できません: nvidia-smi を実行する %1 への SSH 接続がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give %1 an ssh: entry in the inventory, or run the check from the window.</source>
        <translation>インベントリで %1 に ssh: を設定するか、ウィンドウからチェックを実行してください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+14"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>nvidia-smi exited with %1: %2</source>
        <translation>nvidia-smi が終了コード %1 で終了しました: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the NVIDIA driver on %1 (nvidia-smi should list the GPU).</source>
        <translation>%1 の NVIDIA ドライバーを確認してください (nvidia-smi に GPU が表示されるはずです)。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>GPU %1 (%2) on %3</source>
        <translation>%3 の GPU %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 °C (warning at %2 °C)</source>
        <translation>%1 °C (警告は %2 °C 以上)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>VRAM %1% used (warning at %2%)</source>
        <translation>VRAM 使用率 %1% (警告は %2% 以上)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 °C, VRAM %2 of %3 MiB, %4% busy</source>
        <translation>%1 °C、VRAM %2 / %3 MiB、使用率 %4%</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unload idle models (ollama stop &lt;model&gt;) or lower OLLAMA_MAX_LOADED_MODELS; check the case airflow if it runs hot. Now: %1</source>
        <translation>使っていないモデルをアンロードする (ollama stop &lt;model&gt;) か OLLAMA_MAX_LOADED_MODELS を下げてください。高温ならケースの通気を確認してください。現在: %1</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::KubeCheck</name>
    <message>
        <location filename="../../services/checks/kubecheck.cpp" line="+42"/>
        <source>could not run: no Kubernetes cluster is connected</source>
        <translation>実行できません: Kubernetes クラスターに接続していません</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <location line="+57"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Give a kubeconfig (--kubeconfig FILE) or run on the demo lab (--demo).</source>
        <translation>kubeconfig を指定する（--kubeconfig FILE）か、デモラボで実行してください（--demo）。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The credentials were refused; log in again or check the kubeconfig user.</source>
        <translation>認証情報が拒否されました。ログインし直すか、kubeconfig のユーザーを確認してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check that the API server answers: kubectl get --raw /readyz.</source>
        <translation>API サーバーが応答するか確認してください: kubectl get --raw /readyz</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The kubeconfig&apos;s user may read none of nodes, pods and workloads; use a context that may.</source>
        <translation>kubeconfig のユーザーはノード、Pod、ワークロードのどれも読めません。読めるコンテキストを使ってください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Kubernetes cluster</source>
        <translation>Kubernetes クラスター</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::MetricsServer</name>
    <message>
        <location filename="../../services/checks/metricsserver.cpp" line="+94"/>
        <source>cannot listen on %1: %2</source>
        <translation>%1 で待ち受けできません: %2</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::PendingCheck</name>
    <message>
        <location filename="../../services/checks/pendingcheck.cpp" line="+14"/>
        <source>%1 is not built into this Labdeck yet</source>
        <translation>%1 はこの Labdeck にはまだ組み込まれていません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check this by hand for now, or update Labdeck.</source>
        <translation>当面は手動で確認するか、Labdeck を更新してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::Probe</name>
    <message>
        <location filename="../../services/checks/probe.cpp" line="+106"/>
        <source>the server closed the connection without an answer</source>
        <translation>サーバーが応答せずに接続を閉じました</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>the answer is larger than %1 bytes</source>
        <translation>応答が %1 バイトを超えています</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::PrometheusCheck</name>
    <message>
        <location filename="../../services/checks/prometheuscheck.cpp" line="+26"/>
        <source>could not run: the inventory has no prometheus.url</source>
        <translation>実行できません: インベントリに prometheus.url がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set prometheus.url in the inventory (e.g. http://metamon:9090).</source>
        <translation>インベントリに prometheus.url を設定してください(例: http://metamon:9090)。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Prometheus targets</source>
        <translation>Prometheus のターゲット</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+50"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Check that Prometheus runs at %1 and that this machine reaches it.</source>
        <translation>%1 で Prometheus が動いていて、このマシンから届くか確認してください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>target %1 (job %2)</source>
        <translation>ターゲット %1 (ジョブ %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>up, scraped every %1 s</source>
        <translation>稼働中、%1 秒ごとに収集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the exporter behind %1 (for node_exporter: systemctl status prometheus-node-exporter on %2).</source>
        <translation>%1 のエクスポーターを確認してください (node_exporter なら %2 で systemctl status prometheus-node-exporter)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>target %1</source>
        <translation>ターゲット %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no Prometheus target has instance %1, so %2 has no metrics</source>
        <translation>instance が %1 の Prometheus ターゲットがないため、%2 のメトリクスがありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add %1 to Prometheus&apos;s scrape configuration, or fix sources.prometheusInstance in the inventory.</source>
        <translation>Prometheus の収集設定に %1 を追加するか、インベントリの sources.prometheusInstance を直してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+30"/>
        <source>Prometheus alerts</source>
        <translation>Prometheus のアラート</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>alert %1</source>
        <translation>アラート %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alert %1 on %2</source>
        <translation>%2 のアラート %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>firing since %1%2</source>
        <translation>%1 から発火中%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>no alerts firing</source>
        <translation>発火中のアラートはありません</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::RoutesCheck</name>
    <message>
        <location filename="../../services/checks/routescheck.cpp" line="+13"/>
        <source>routes</source>
        <translation>ルート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the inventory lists no public URL</source>
        <translation>インベントリに公開 URL がありません</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 on %2</source>
        <translation>%2 上の %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>could not run: %1 exited with %2: %3</source>
        <translation>実行できません: %1 が終了コード %2 で終了しました: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that Traefik&apos;s API is enabled (api.insecure or an internal entry point on :8080) and that curl exists on %1.</source>
        <translation>Traefik の API が有効か（api.insecure、または :8080 の内部エントリーポイント）、%1 に curl があるかを確認してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>could not run: no way to reach Traefik&apos;s API (no SSH connection to the ingress host and no dashboard URL in the inventory)</source>
        <translation>実行できません: Traefik の API に到達する手段がありません（ingress ホストへの SSH 接続も、インベントリのダッシュボード URL もありません）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the Traefik service a url in the inventory, or connect to %1 over SSH.</source>
        <translation>インベントリで Traefik サービスに url を指定するか、%1 に SSH で接続してください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>could not run: Traefik&apos;s API at %1: %2</source>
        <translation>実行できません: Traefik の API（%1）: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reach the API over SSH instead, or fix the dashboard&apos;s certificate and address.</source>
        <translation>代わりに SSH 経由で API にアクセスするか、ダッシュボードの証明書とアドレスを直してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not run: Traefik&apos;s API at %1 asks for a login (HTTP %2)</source>
        <translation>実行できません: Traefik の API（%1）がログインを求めています（HTTP %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connect to %1 over SSH so Labdeck reads the API on the host itself.</source>
        <translation>%1 に SSH で接続してください。Labdeck がホスト上で直接 API を読み取ります。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>could not run: Traefik&apos;s API at %1 answered HTTP %2</source>
        <translation>実行できません: Traefik の API（%1）が HTTP %2 を返しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the API is enabled in Traefik&apos;s static configuration (api: {dashboard: true}).</source>
        <translation>Traefik の静的設定で API が有効になっているか確認してください（api: {dashboard: true}）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>could not run: %1 (from %2)</source>
        <translation>実行できません: %1（取得元: %2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that %1 is Traefik&apos;s /api/http/routers.</source>
        <translation>%1 が Traefik の /api/http/routers になっているか確認してください。</translation>
    </message>
    <message>
        <location line="-87"/>
        <location line="+100"/>
        <source>Traefik on %1</source>
        <translation>%1 の Traefik</translation>
    </message>
</context>
<context>
    <name>labdeck::checks::TunnelCheck</name>
    <message>
        <location filename="../../services/checks/tunnelcheck.cpp" line="+20"/>
        <location line="+8"/>
        <location line="+23"/>
        <location line="+6"/>
        <location line="+15"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>tailnet</source>
        <translation>tailnet</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>could not run: the inventory names no tailscale.statusHost</source>
        <translation>実行できません: インベントリに tailscale.statusHost がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set tailscale.statusHost to a host that runs Tailscale and that Labdeck reaches over SSH.</source>
        <translation>tailscale.statusHost に、Tailscale が動いていて Labdeck が SSH で届くホストを設定してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>could not run: no SSH connection to %1, where tailscale status is read</source>
        <translation>実行できません: tailscale status を読む %1 への SSH 接続がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give %1 an ssh: entry (or sources.sshAlias) in the inventory, or run the check from the window, where SSH is connected.</source>
        <translation>インベントリで %1 に ssh: (または sources.sshAlias) を設定するか、SSH が接続されたウィンドウからチェックを実行してください。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>tailscale status on %1 exited with %2: %3</source>
        <translation>%1 の tailscale status が終了コード %2 で終了しました: %3</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+14"/>
        <source>could not run: %1</source>
        <translation>実行できません: %1</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Check that Tailscale is installed and running on %1 (tailscale status).</source>
        <translation>%1 に Tailscale がインストールされ動いているか確認してください (tailscale status)。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Tailscale on %1 is %2, not Running</source>
        <translation>%1 の Tailscale は Running ではなく %2 です</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run tailscale up on %1 (log in again if it says NeedsLogin).</source>
        <translation>%1 で tailscale up を実行してください (NeedsLogin なら再ログインしてください)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tailscale %1 on %2 is running</source>
        <translation>%2 の Tailscale %1 は稼働中です</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>tunnel %1 → %2</source>
        <translation>トンネル %1 → %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no peer named %1 in the tailnet</source>
        <translation>tailnet に %1 という名前のピアがありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log %1 in to the tailnet (tailscale up), or fix sources.tailscaleHost in the inventory.</source>
        <translation>%1 を tailnet にログインさせる (tailscale up) か、インベントリの sources.tailscaleHost を直してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>offline, last seen %1</source>
        <translation>オフライン、最終確認 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that %1 is up and that tailscaled runs there (systemctl status tailscaled).</source>
        <translation>%1 が起動していて tailscaled が動いているか確認してください (systemctl status tailscaled)。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>online, direct to %1</source>
        <translation>オンライン、%1 へ直接接続</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>online, through the peer relay %1</source>
        <translation>オンライン、ピアリレー %1 経由</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>online, relayed through DERP %1 (slower than direct)</source>
        <translation>オンライン、DERP %1 経由で中継 (直接より遅い)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>online, idle (no traffic lately)</source>
        <translation>オンライン、アイドル (最近の通信なし)</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A relayed path works but adds latency; open UDP 41641 on %1&apos;s firewall for a direct one.</source>
        <translation>中継経路でも動きますが遅延が増えます。直接接続にするには %1 のファイアウォールで UDP 41641 を開けてください。</translation>
    </message>
</context>
<context>
    <name>labdeck::compose::ComposeAction</name>
    <message>
        <location filename="../../services/compose/composeservice.cpp" line="+63"/>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
</context>
<context>
    <name>labdeck::compose::ComposeService</name>
    <message>
        <location line="+140"/>
        <source>%1: &quot;%2&quot; is not a Compose project listed on this host; refresh and pick one from the list.</source>
        <translation>%1: 「%2」はこのホストで一覧に表示された Compose プロジェクトではありません。更新して一覧から選んでください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: project %2 lists the config file &quot;%3&quot;, which is not an absolute path of printable characters; Labdeck does not pass it to docker compose. Check the project&apos;s files on the host.</source>
        <translation>%1: プロジェクト %2 の設定ファイル「%3」は印字可能な文字だけの絶対パスではないため、Labdeck は docker compose に渡しません。ホスト上のプロジェクトのファイルを確認してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: &quot;%2&quot; is not a service Compose listed in project %3; refresh and pick one from the list.</source>
        <translation>%1: 「%2」は、Compose がプロジェクト %3 で一覧に表示したサービスではありません。更新して一覧から選んでください。</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+59"/>
        <location line="+112"/>
        <source>%1: SSH: not connected</source>
        <translation>%1: SSH: 未接続</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>%1: docker compose ls: exit status %2: %3</source>
        <translation>%1: docker compose ls: 終了コード %2: %3</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1: docker compose ps (project %2): exit status %3: %4</source>
        <translation>%1: docker compose ps（プロジェクト %2）: 終了コード %3: %4</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>project %1</source>
        <translation>プロジェクト %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 in %2</source>
        <translation>%2 の %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restart %1</source>
        <translation>%1 を再起動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up %1</source>
        <translation>%1 を起動</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pull %1</source>
        <translation>%1 をプル</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop %1</source>
        <translation>%1 を停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow logs of %1</source>
        <translation>%1 のログを追従</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Logs of %1</source>
        <translation>%1 のログ</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>cancelled</source>
        <translation>キャンセルしました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exit status %1: %2</source>
        <translation>終了コード %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>exit status 0</source>
        <translation>終了コード 0</translation>
    </message>
</context>
<context>
    <name>labdeck::demolab::CertificateFactory</name>
    <message>
        <location filename="../../services/demolab/demopki.cpp" line="+54"/>
        <source>could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the openssl command is not installed (Debian package openssl); the demo lab needs it to make its certificates</source>
        <translation>openssl コマンドがインストールされていません（Debian パッケージ openssl）。デモラボの証明書を作るのに必要です</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>openssl %1 failed: %2</source>
        <translation>openssl %1 が失敗しました: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>could not start openssl: %1</source>
        <translation>openssl を起動できませんでした: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>openssl made no usable certificate for %1</source>
        <translation>openssl で %1 の使える証明書を作れませんでした</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>openssl made no usable root or intermediate certificate</source>
        <translation>openssl で使えるルート証明書や中間証明書を作れませんでした</translation>
    </message>
</context>
<context>
    <name>labdeck::demolab::DemoCheckLab</name>
    <message>
        <location filename="../../services/demolab/demochecks.cpp" line="+147"/>
        <source>could not make a temporary directory for the demo certificates</source>
        <translation>デモ用証明書の一時ディレクトリを作成できませんでした</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>demo TLS endpoints: %1</source>
        <translation>デモの TLS エンドポイント: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>demo TLS endpoints: could not listen on a loopback port</source>
        <translation>デモの TLS エンドポイント: ループバックのポートで待ち受けできませんでした</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the demo TLS endpoints are not ready yet</source>
        <translation>デモの TLS エンドポイントはまだ準備できていません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Install openssl (scripts/install-deps).</source>
        <translation>openssl をインストールしてください（scripts/install-deps）。</translation>
    </message>
</context>
<context>
    <name>labdeck::demolab::DemoTransport</name>
    <message>
        <location filename="../../services/demolab/demotransport.cpp" line="+109"/>
        <source>%1: cancelled</source>
        <translation>%1: キャンセルしました</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>demo lab</source>
        <translation>デモラボ</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: name lookup: not a host of the demo lab</source>
        <translation>%1: 名前解決: デモラボのホストではありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: timeout: the command ran longer than %2 s</source>
        <translation>%1: タイムアウト: コマンドの実行が %2 秒を超えました</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1: command: %2 printed more than %3 MiB, more than Labdeck reads from one command; it was stopped</source>
        <translation>%1: コマンド: %2 の出力が %3 MiB を超えました。Labdeck が1つのコマンドから読み取る上限を超えたため停止しました</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the demo lab has no host %1
</source>
        <translation>デモラボにホスト %1 はありません
</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the demo lab cannot run: %1 (on %2)
</source>
        <translation>デモラボでは実行できません: %1（%2 上）
</translation>
    </message>
    <message>
        <location line="+167"/>
        <location line="+231"/>
        <source>the demo lab cannot run: %1
</source>
        <translation>デモラボでは実行できません: %1
</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>the demo lab prints ps only with --format json
</source>
        <translation>デモラボの ps は --format json 付きでのみ出力します
</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the demo lab runs up only detached (up -d)
</source>
        <translation>デモラボの up はデタッチ（up -d）でのみ実行できます
</translation>
    </message>
</context>
<context>
    <name>labdeck::demolab::KubeSimulator</name>
    <message>
        <location filename="../../services/demolab/kubesimulator.cpp" line="+177"/>
        <source>The demo lab is not listening yet, so there is no address to write.</source>
        <translation>デモラボはまだ待ち受けていないため、書き出すアドレスがありません。</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+10"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>labdeck::demolab::PromSimulator</name>
    <message>
        <location filename="../../services/demolab/promsimulator.cpp" line="+157"/>
        <source>Memory use above 80% for 15 minutes</source>
        <translation>メモリ使用率が 15 分間 80% を超えています</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the demo lab&apos;s Prometheus has no %1</source>
        <translation>デモラボの Prometheus には %1 がありません</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the demo lab answers only Labdeck&apos;s default chart queries for the inventory&apos;s hosts, so it cannot run &quot;%1&quot;. Connect a real Prometheus (prometheus.url in your inventory) to run your own PromQL.</source>
        <translation>デモラボが応答するのは、インベントリのホストに対する Labdeck の既定のチャートクエリーだけなので、「%1」は実行できません。独自の PromQL を実行するには、実際の Prometheus を接続してください（インベントリの prometheus.url）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>start, end and step must be numbers, with end after start and step above 0</source>
        <translation>start、end、step は数値にしてください。end は start より後、step は 0 より大きくする必要があります</translation>
    </message>
</context>
<context>
    <name>labdeck::gpu::GpuMonitor</name>
    <message>
        <location filename="../../services/gpu/gpumonitor.cpp" line="+10"/>
        <source>%1: nvidia-smi not found (exit status 127); install the NVIDIA driver utilities. %2</source>
        <translation>%1: nvidia-smi が見つかりません（終了コード 127）。NVIDIA ドライバーのユーティリティをインストールしてください。%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: nvidia-smi: exit status %2: %3</source>
        <translation>%1: nvidia-smi: 終了コード %2: %3</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+26"/>
        <source>%1: SSH: not connected</source>
        <translation>%1: SSH: 未接続</translation>
    </message>
</context>
<context>
    <name>labdeck::history::HistoryDatabase</name>
    <message>
        <location filename="../../services/history/historydatabase.cpp" line="+100"/>
        <source>Labdeck keeps no history in this session: Qt&apos;s SQLite driver is missing (Debian package libqt6sql6-sqlite). Install it and start Labdeck again.</source>
        <translation>このセッションでは履歴を残しません: Qt の SQLite ドライバ(Debian パッケージ libqt6sql6-sqlite)がありません。インストールして Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The history file %1 is not a file. This session keeps its history in memory only; move whatever is there away and start Labdeck again.</source>
        <translation>履歴ファイル %1 はファイルではありません。このセッションの履歴はメモリにだけ残します。そこにあるものを移動して Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>its header is cut short</source>
        <translation>ヘッダーが途中で切れています</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it is not an SQLite database</source>
        <translation>SQLite データベースではありません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The folder %1 for the history file %2 cannot be created. This session keeps its history in memory only; check the folder&apos;s permissions and start Labdeck again.</source>
        <translation>履歴ファイル %2 のフォルダ %1 を作れません。このセッションの履歴はメモリにだけ残します。フォルダの権限を確かめて Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The history file %1 was written by a newer Labdeck (%2). This session keeps its history in memory only and leaves the file as it is; use the newer Labdeck, or move the file away to start a new history.</source>
        <translation>履歴ファイル %1 は新しい Labdeck が書いたものです(%2)。このセッションの履歴はメモリにだけ残し、ファイルはそのままにします。新しい Labdeck を使うか、ファイルを移動して新しい履歴を始めてください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The history file %1 is locked by another program (%2). This session keeps its history in memory only and does not touch the file; close the other program (another Labdeck?) and start Labdeck again to record.</source>
        <translation>履歴ファイル %1 は別のプログラムがロックしています(%2)。このセッションの履歴はメモリにだけ残し、ファイルには触れません。記録するには、そのプログラム(別の Labdeck?)を閉じて Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The disk holding the history file %1 is full (%2). This session keeps its history in memory only; free some space and start Labdeck again.</source>
        <translation>履歴ファイル %1 のあるディスクがいっぱいです(%2)。このセッションの履歴はメモリにだけ残します。空きを作って Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The history file %1 cannot be opened (%2). This session keeps its history in memory only; check the file and its folder&apos;s permissions and start Labdeck again.</source>
        <translation>履歴ファイル %1 を開けません(%2)。このセッションの履歴はメモリにだけ残します。ファイルとフォルダの権限を確かめて Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The history file %1 is damaged (%2) and could not be set aside. This session keeps its history in memory only; move the file away and start Labdeck again.</source>
        <translation>履歴ファイル %1 は壊れていて(%2)、退避できませんでした。このセッションの履歴はメモリにだけ残します。ファイルを移動して Labdeck を起動し直してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The history file %1 was damaged (%2); it was kept as %3, but a new one cannot be made (%4). This session keeps its history in memory only.</source>
        <translation>履歴ファイル %1 は壊れていました(%2)。%3 として残しましたが、新しいファイルを作れません(%4)。このセッションの履歴はメモリにだけ残します。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history file %1 was damaged (%2). It was kept as %3 and a new, empty history was started; look into the old file or delete it yourself.</source>
        <translation>履歴ファイル %1 は壊れていました(%2)。%3 として残し、新しい空の履歴を始めました。古いファイルは調べるか、ご自身で削除してください。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>schema version %1; this Labdeck knows up to %2</source>
        <translation>スキーマのバージョン %1。この Labdeck が知っているのは %2 までです</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>starting a transaction</source>
        <translation>トランザクションの開始</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The history file %1 is locked by another program (%2), so %3 was not done. Close the other program using it (another Labdeck?); Labdeck tries again with the next write.</source>
        <translation>履歴ファイル %1 は別のプログラムがロックしているため(%2)、%3 を行えませんでした。それを使っているプログラム(別の Labdeck?)を閉じてください。Labdeck は次の書き込みで再び試みます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write to the history file %1: the disk is full (%2), so %3 was not done. Free some space on that disk; recording goes on once there is room.</source>
        <translation>履歴ファイル %1 に書き込めません: ディスクがいっぱいのため(%2)、%3 を行えませんでした。そのディスクに空きを作ってください。空きができれば記録を続けます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write to the history file %1 (%2), so %3 was not done. The disk may be full, the file over a size limit, or the disk failing; free some space or check the disk. Recording goes on with the next write.</source>
        <translation>履歴ファイル %1 に書き込めないため(%2)、%3 を行えませんでした。ディスクがいっぱいか、ファイルがサイズ制限を超えたか、ディスクが故障している可能性があります。空きを作るかディスクを確かめてください。次の書き込みから記録を続けます。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The history file %1: %2 failed (%3).</source>
        <translation>履歴ファイル %1: %2 に失敗しました(%3)。</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+23"/>
        <location line="+11"/>
        <source>recording</source>
        <translation>記録</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>recording check results</source>
        <translation>チェック結果の記録</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+27"/>
        <source>The history is not open.</source>
        <translation>履歴が開かれていません。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 check results were not recorded.</source>
        <translation>チェック結果 %1 件を記録できませんでした。</translation>
    </message>
    <message>
        <location filename="../../services/history/historydatabase_retention.cpp" line="+38"/>
        <location line="+39"/>
        <location line="+17"/>
        <location line="+10"/>
        <location line="+12"/>
        <location line="+35"/>
        <source>compacting</source>
        <translation>圧縮</translation>
    </message>
    <message>
        <location filename="../../services/history/historydatabase_queries.cpp" line="+69"/>
        <location line="+18"/>
        <location line="+29"/>
        <source>reading the timeline</source>
        <translation>タイムラインの読み込み</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+31"/>
        <source>reading incidents</source>
        <translation>インシデントの読み込み</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>reading transitions</source>
        <translation>状態変化の読み込み</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>reading the items</source>
        <translation>項目の読み込み</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::CredentialProvider</name>
    <message>
        <location filename="../../services/kube/credentials.cpp" line="+176"/>
        <source>it is not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file is larger than a token can be</source>
        <translation>トークンとしてはファイルが大きすぎます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the file is empty</source>
        <translation>ファイルが空です</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot read &quot;%1&quot;: %2; create it or fix the path in the kubeconfig</source>
        <translation>「%1」を読み込めません: %2。ファイルを作成するか、kubeconfig のパスを直してください</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>exec plugin &quot;%1&quot; needs a terminal (interactiveMode: Always), which Labdeck cannot give it. Log in once in a terminal (e.g. kubectl get ns) so the plugin caches a credential, then set interactiveMode to IfAvailable</source>
        <translation>exec プラグイン「%1」には端末が必要です（interactiveMode: Always）が、Labdeck は端末を用意できません。一度端末でログインして（例: kubectl get ns）プラグインに認証情報をキャッシュさせてから、interactiveMode を IfAvailable にしてください</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>running exec plugin &quot;%1&quot; is not allowed: you denied it and Labdeck remembered that in %2; forget the answer in Settings (Ctrl+,) to be asked again</source>
        <translation>exec プラグイン &quot;%1&quot; の実行は許可されていません。あなたが拒否し、Labdeck が %2 に記憶しています。再び確認させるには、設定 (Ctrl+,) でその回答を忘れさせてください</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exec plugin &quot;%1&quot; needs your approval first: Labdeck runs a program named in a kubeconfig only after you allow it. Connect to this context from the Labdeck window and allow it (tick &quot;remember&quot; so that it is allowed here as well)</source>
        <translation>exec プラグイン「%1」には先に承認が必要です。Labdeck は kubeconfig に書かれたプログラムを、許可を得てからしか実行しません。Labdeck のウィンドウからこのコンテキストに接続して許可してください（ここでも許可されるよう「記憶する」にチェックを入れてください）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>running exec plugin &quot;%1&quot; was not allowed; connect again to be asked again</source>
        <translation>exec プラグイン「%1」の実行は許可されませんでした。もう一度接続すると、改めて確認します</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Install it, or give its full path in the kubeconfig</source>
        <translation>インストールするか、kubeconfig にフルパスを書いてください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec plugin &quot;%1&quot; could not be started (%2). %3</source>
        <translation>exec プラグイン「%1」を起動できませんでした（%2）。%3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>exec plugin &quot;%1&quot; did not answer within %2 s; it was stopped. If it waits for a login in a browser or a terminal, log in once outside Labdeck and try again</source>
        <translation>exec プラグイン「%1」が %2 秒以内に応答しなかったため、停止しました。ブラウザーや端末でのログインを待っている場合は、Labdeck の外で一度ログインしてからやり直してください</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>exec plugin &quot;%1&quot; printed more than %2 bytes, which is no credential; it was stopped</source>
        <translation>exec プラグイン「%1」が %2 バイトを超えて出力したため、停止しました（認証情報ではありません）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>exec plugin &quot;%1&quot; crashed</source>
        <translation>exec プラグイン「%1」がクラッシュしました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>exec plugin &quot;%1&quot; crashed: %2</source>
        <translation>exec プラグイン「%1」がクラッシュしました: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exec plugin &quot;%1&quot; failed with exit code %2; run it in a terminal to see why</source>
        <translation>exec プラグイン「%1」が終了コード %2 で失敗しました。原因は端末で実行して確認してください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec plugin &quot;%1&quot; failed with exit code %2: %3</source>
        <translation>exec プラグイン「%1」が終了コード %2 で失敗しました: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>exec plugin &quot;%1&quot; %2</source>
        <translation>exec プラグイン「%1」が%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>printed something that is not JSON (%1 at byte %2); it must print an ExecCredential</source>
        <translation>JSON ではないものを出力しました（%2 バイト目で %1）。ExecCredential を出力する必要があります</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>printed JSON that is not an ExecCredential object</source>
        <translation>ExecCredential オブジェクトではない JSON を出力しました</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>printed an object without apiVersion; expected &quot;%1&quot;</source>
        <translation>apiVersion のないオブジェクトを出力しました（「%1」が必要です）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>answered with apiVersion &quot;%1&quot;, but the kubeconfig asks for &quot;%2&quot;; make exec.apiVersion match the plugin</source>
        <translation>apiVersion「%1」で応答しましたが、kubeconfig が求めているのは「%2」です。exec.apiVersion をプラグインに合わせてください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>printed kind &quot;%1&quot; instead of ExecCredential</source>
        <translation>ExecCredential ではなく kind「%1」を出力しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>printed an ExecCredential without status</source>
        <translation>status のない ExecCredential を出力しました</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>printed a status.token that is not text</source>
        <translation>文字列ではない status.token を出力しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed status.clientCertificateData or clientKeyData that is not text</source>
        <translation>文字列ではない status.clientCertificateData または clientKeyData を出力しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed a status.expirationTimestamp that is not text</source>
        <translation>文字列ではない status.expirationTimestamp を出力しました</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>printed status.clientKeyData without clientCertificateData</source>
        <translation>clientCertificateData なしで status.clientKeyData を出力しました</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>printed status.clientCertificateData without clientKeyData</source>
        <translation>clientKeyData なしで status.clientCertificateData を出力しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed an ExecCredential with neither status.token nor status.clientCertificateData and clientKeyData</source>
        <translation>status.token も、status.clientCertificateData と clientKeyData の組もない ExecCredential を出力しました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>printed a status.clientCertificateData that is not a PEM certificate</source>
        <translation>PEM 形式の証明書ではない status.clientCertificateData を出力しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>printed a status.clientKeyData that is not a PEM RSA or EC key</source>
        <translation>PEM 形式の RSA 鍵でも EC 鍵でもない status.clientKeyData を出力しました</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>printed status.expirationTimestamp &quot;%1&quot;, which is not an RFC 3339 time like 2026-08-22T15:04:05Z</source>
        <translation>RFC 3339 形式の時刻（例: 2026-08-22T15:04:05Z）ではない status.expirationTimestamp「%1」を出力しました</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::KubeAction</name>
    <message>
        <location filename="../../services/kube/kubeactions.cpp" line="+24"/>
        <source>stopped following; the change already sent stays in effect</source>
        <translation>追跡を中止しました。送信済みの変更はそのまま有効です</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::KubeActions</name>
    <message>
        <location line="+47"/>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Restart %1 %2 in %3</source>
        <translation>%3 の %1 %2 を再起動</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>restarting a %1 is not supported</source>
        <translation>%1 の再起動には対応していません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>template updated; with updateStrategy OnDelete the pods are replaced only when you delete them</source>
        <translation>テンプレートを更新しました。updateStrategy が OnDelete なので、Pod は削除したときにだけ置き換わります</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Scale %1 %2 in %3 to %4</source>
        <translation>%3 の %1 %2 を %4 にスケール</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>a %1 cannot be scaled</source>
        <translation>%1 はスケールできません</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete pod %1 in %2</source>
        <translation>%2 の Pod %1 を削除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>deleted; its controller, if it has one, starts a replacement</source>
        <translation>削除しました。コントローラーがあれば、代わりの Pod を起動します</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cordon node %1</source>
        <translation>ノード %1 を cordon</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Uncordon node %1</source>
        <translation>ノード %1 を uncordon</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no new pods will be scheduled on it; running pods stay</source>
        <translation>新しい Pod はスケジュールされなくなります。実行中の Pod はそのままです</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new pods may be scheduled on it again</source>
        <translation>新しい Pod が再びスケジュールされるようになります</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rollout of %1 %2 in %3</source>
        <translation>%3 の %1 %2 のロールアウト</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot follow the rollout of a %1</source>
        <translation>%1 のロールアウトは追跡できません</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>waiting: %1</source>
        <translation>待機中: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 of %2 replicas updated and ready</source>
        <translation>レプリカ %1/%2 が更新済みで準備完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 updated, %3 ready</source>
        <translation>%1/%2 更新済み、%3 準備完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the rollout did not settle within %1 s</source>
        <translation>ロールアウトが %1 秒以内に完了しませんでした</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::KubeClient</name>
    <message>
        <location filename="../../services/kube/kubeclient.cpp" line="+184"/>
        <source>%1 %2%3: the API server&apos;s address is plain http://, so Labdeck does not send your credentials to it (anyone on the way could read them; kubectl sends none either). Use its https:// address with the cluster&apos;s CA (certificate-authority-data)</source>
        <translation>%1 %2%3: API サーバーのアドレスが暗号化されない http:// のため、Labdeck は認証情報を送りません（途中の誰もが読み取れます。kubectl も送りません）。クラスターの CA（certificate-authority-data）とともに https:// のアドレスを使ってください</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%1 %2: the API server redirected to another host (%3); Labdeck does not follow it with your credentials. Point the kubeconfig&apos;s server at the address that answers</source>
        <translation>%1 %2: API サーバーが別のホスト（%3）へリダイレクトしました。Labdeck は認証情報を付けたままそれには従いません。kubeconfig の server を、実際に応答するアドレスにしてください</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Kubernetes API at %1</source>
        <translation>%1 の Kubernetes API</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the cluster&apos;s server in the kubeconfig</source>
        <translation>kubeconfig のクラスターの server</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::KubeConfig</name>
    <message>
        <location filename="../../services/kube/kubeconfig.cpp" line="+22"/>
        <source>does not exist; skipped</source>
        <translation>存在しないため、スキップしました</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>names no file; set KUBECONFIG to the kubeconfig&apos;s path or unset it to use ~/.kube/config</source>
        <translation>ファイルを指していません。KUBECONFIG に kubeconfig のパスを設定するか、設定を外して ~/.kube/config を使ってください</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>no kubeconfig found (%n file(s) looked for, none exists); copy your cluster&apos;s kubeconfig to ~/.kube/config, set KUBECONFIG, or pass --kubeconfig</source>
        <translation>
            <numerusform>kubeconfig が見つかりません（%n 個のファイルを探しましたが、どれも存在しません）。クラスターの kubeconfig を ~/.kube/config にコピーするか、KUBECONFIG を設定するか、--kubeconfig で指定してください</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>is empty; skipped</source>
        <translation>空なので、スキップしました</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>no such file; check the path given with --kubeconfig</source>
        <translation>ファイルがありません。--kubeconfig で指定したパスを確認してください</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>is not a regular file</source>
        <translation>通常のファイルではありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+7"/>
        <source>the file is larger than %1 bytes, too big for a certificate, key or token</source>
        <translation>ファイルが %1 バイトを超えています。証明書、鍵、トークンとしては大きすぎます</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+40"/>
        <location line="+14"/>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>is not set; choose a context (kubectl config use-context NAME). Contexts: %1</source>
        <translation>設定されていません。コンテキストを選んでください（kubectl config use-context NAME）。コンテキスト: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>no context named &quot;%1&quot;; contexts: %2</source>
        <translation>コンテキスト「%1」がありません。コンテキスト: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is not set; name one of the clusters in the kubeconfig</source>
        <translation>設定されていません。kubeconfig にあるクラスターのどれかを指定してください</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no cluster named &quot;%1&quot;; clusters: %2</source>
        <translation>クラスター「%1」がありません。クラスター: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no user named &quot;%1&quot;; users: %2</source>
        <translation>ユーザー「%1」がありません。ユーザー: %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>is required: the API server URL, e.g. https://192.168.1.10:6443</source>
        <translation>必須です: API サーバーの URL（例: https://192.168.1.10:6443）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot be combined with a certificate authority (kubectl refuses this too); remove one of them</source>
        <translation>認証局（CA）と同時には指定できません（kubectl も受け付けません）。どちらかを削除してください</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+66"/>
        <location line="+2"/>
        <source>cannot read &quot;%1&quot;: %2</source>
        <translation>「%1」を読み込めません: %2</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----); the cluster&apos;s CA certificate is needed here</source>
        <translation>PEM 形式の証明書（-----BEGIN CERTIFICATE-----）が含まれていません。ここにはクラスターの CA 証明書が必要です</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>auth-provider &quot;%1&quot; is not supported by Labdeck (kubectl dropped its built-in providers too); use an exec plugin, e.g. kubelogin for OIDC</source>
        <translation>auth-provider「%1」には Labdeck は対応していません（kubectl も組み込みのプロバイダーを廃止しています）。exec プラグインを使ってください（OIDC なら kubelogin など）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>more than one authentication method: a token and username/password; keep one (kubectl refuses this too)</source>
        <translation>認証方法が複数あります（トークンとユーザー名/パスワード）。どちらか一つにしてください（kubectl も受け付けません）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>both a token and an exec plugin are set; kubectl would send the token and never run the plugin. Remove one of them</source>
        <translation>トークンと exec プラグインの両方が設定されています。kubectl はトークンを送り、プラグインを実行しません。どちらかを削除してください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>both username/password and an exec plugin are set; remove one</source>
        <translation>ユーザー名/パスワードと exec プラグインの両方が設定されています。どちらかを削除してください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>basic authentication needs both username and password</source>
        <translation>Basic 認証にはユーザー名とパスワードの両方が必要です</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a client certificate needs its key (client-key-data or client-key)</source>
        <translation>クライアント証明書には対応する鍵（client-key-data または client-key）が必要です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a client key needs its certificate (client-certificate-data or client-certificate)</source>
        <translation>クライアント鍵には対応する証明書（client-certificate-data または client-certificate）が必要です</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>holds no PEM certificate (-----BEGIN CERTIFICATE-----)</source>
        <translation>PEM 形式の証明書（-----BEGIN CERTIFICATE-----）が含まれていません</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>is not a PEM private key Labdeck can use (an RSA or EC key without a passphrase)</source>
        <translation>Labdeck が使える PEM 形式の秘密鍵（パスフレーズなしの RSA 鍵または EC 鍵）ではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot read &quot;%1&quot;; create it or fix the path</source>
        <translation>「%1」を読み込めません。ファイルを作成するか、パスを直してください</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Labdeck can impersonate only one group; keep one entry</source>
        <translation>Labdeck が impersonate できるグループは一つだけです。エントリーを一つにしてください</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Labdeck can send only one value per key; keep one</source>
        <translation>Labdeck が送れる値はキーごとに一つだけです。一つにしてください</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>is required: client.authentication.k8s.io/v1 or client.authentication.k8s.io/v1beta1</source>
        <translation>必須です: client.authentication.k8s.io/v1 または client.authentication.k8s.io/v1beta1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exec plugin apiVersion &quot;%1&quot; is not supported; kubectl and Labdeck accept only client.authentication.k8s.io/v1 and client.authentication.k8s.io/v1beta1</source>
        <translation>exec プラグインの apiVersion「%1」には対応していません。kubectl と Labdeck が受け付けるのは client.authentication.k8s.io/v1 と client.authentication.k8s.io/v1beta1 だけです</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>. v1alpha1 was removed in Kubernetes 1.24: regenerate this entry with a current version of the tool that wrote it (for EKS: aws eks update-kubeconfig) or change it to v1beta1</source>
        <translation>。v1alpha1 は Kubernetes 1.24 で削除されました。このエントリーを書いたツールの最新版で作り直す（EKS なら aws eks update-kubeconfig）か、v1beta1 に変更してください</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is required: the program that prints the credential</source>
        <translation>必須です: 認証情報を出力するプログラム</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is required for every env entry</source>
        <translation>env の各エントリーに必須です</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is required for client.authentication.k8s.io/v1: Never, IfAvailable or Always</source>
        <translation>client.authentication.k8s.io/v1 では必須です: Never、IfAvailable、Always のいずれか</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not one of Never, IfAvailable, Always</source>
        <translation>「%1」は Never、IfAvailable、Always のいずれでもありません</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::KubeSession</name>
    <message>
        <location filename="../../services/kube/kubesession.cpp" line="+238"/>
        <source>; %1</source>
        <translation>。%1</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>watching %n collection(s)</source>
        <translation>
            <numerusform>%n 個のコレクションを監視中</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>syncing %1 of %2 collections</source>
        <translation>%2 個中 %1 個のコレクションを同期中</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::ManifestApplier</name>
    <message>
        <location filename="../../services/kube/manifestapply.cpp" line="+49"/>
        <source>stopped when its window closed; objects already sent stay applied</source>
        <translation>ウィンドウが閉じられたため中止しました。送信済みのオブジェクトは適用されたままです</translation>
    </message>
    <message numerus="yes">
        <location line="+37"/>
        <source>Apply %n object(s) with force</source>
        <translation>
            <numerusform>オブジェクト %n 個を強制適用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Apply %n object(s)</source>
        <translation>
            <numerusform>オブジェクト %n 個を適用</numerusform>
        </translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cancelled before it was sent</source>
        <translation>送信前にキャンセルしました</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 created, %2 configured, %3 unchanged, %4 failed</source>
        <translation>作成 %1、変更 %2、変更なし %3、失敗 %4</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 of %2: %3</source>
        <translation>%1/%2: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>not connected to a cluster</source>
        <translation>クラスターに接続していません</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>checked when it is applied: namespace %1 does not exist yet</source>
        <translation>適用時に確認します: Namespace %1 はまだ存在しません</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::NodeMetrics</name>
    <message>
        <location filename="../../services/kube/nodemetrics.cpp" line="+49"/>
        <source>metrics.k8s.io: the answer is not a NodeMetricsList</source>
        <translation>metrics.k8s.io: 応答が NodeMetricsList ではありません</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>metrics.k8s.io: node %1 has no readable usage</source>
        <translation>metrics.k8s.io: ノード %1 の使用量を読み取れません</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>metrics.k8s.io: no Kubernetes connection</source>
        <translation>metrics.k8s.io: Kubernetes に接続していません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>metrics.k8s.io is not served: is metrics-server running in kube-system?</source>
        <translation>metrics.k8s.io が提供されていません。kube-system で metrics-server が動いていますか？</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::ProviderAuthenticator</name>
    <message>
        <location filename="../../services/kube/providerauthenticator.cpp" line="+54"/>
        <source>no credentials for this cluster</source>
        <translation>このクラスターの認証情報がありません</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1: cluster &quot;%2&quot; has the plain http:// server %3, so Labdeck does not send the credentials of user &quot;%4&quot; to it (anyone on the way could read them; kubectl sends none either). Use the server&apos;s https:// address with the cluster&apos;s CA (certificate-authority-data)</source>
        <translation>%1: クラスター「%2」のサーバー %3 は暗号化されない http:// のため、Labdeck はユーザー「%4」の認証情報を送りません（途中の誰もが読み取れます。kubectl も送りません）。クラスターの CA（certificate-authority-data）とともに、サーバーの https:// のアドレスを使ってください</translation>
    </message>
</context>
<context>
    <name>labdeck::kube::Reflector</name>
    <message>
        <location filename="../../services/kube/reflector.cpp" line="+243"/>
        <source>watch error</source>
        <translation>watch のエラー</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1; retrying in %2 s</source>
        <translation>%1（%2 秒後に再試行）</translation>
    </message>
</context>
<context>
    <name>labdeck::lab::Lab</name>
    <message>
        <location filename="../../services/lab/lab.cpp" line="+144"/>
        <location line="+49"/>
        <source>demo lab</source>
        <translation>デモラボ</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>labdeck: the demo lab&apos;s Ollama server could not listen on 127.0.0.1</source>
        <translation>labdeck: デモラボの Ollama サーバーが 127.0.0.1 で待ち受けできませんでした</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the demo lab&apos;s cluster could not listen on a loopback port</source>
        <translation>デモラボのクラスターがループバックのポートで待ち受けできませんでした</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>no Kubernetes cluster is connected</source>
        <translation>Kubernetes クラスターに接続していません</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Making the demo lab&apos;s certificates…</source>
        <translation>デモラボの証明書を作成中…</translation>
    </message>
</context>
<context>
    <name>labdeck::ollama::OllamaClient</name>
    <message>
        <location filename="../../services/ollama/ollamaclient.cpp" line="+35"/>
        <source>%1: Ollama: no URL in the inventory (ollama: url)</source>
        <translation>%1: Ollama: インベントリに URL がありません（ollama: url）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>ollama.url in the inventory</source>
        <translation>インベントリの ollama.url</translation>
    </message>
</context>
<context>
    <name>labdeck::ollama::WebUiProbe</name>
    <message>
        <location line="+38"/>
        <source>%1: Open WebUI: no endpoint in the inventory</source>
        <translation>%1: Open WebUI: インベントリにエンドポイントがありません</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>labdeck::prom::Call</name>
    <message>
        <location filename="../../services/prometheus/promclient.cpp" line="+73"/>
        <source>%1: %2: empty answer (HTTP %3) from %4; is this Prometheus&apos;s address?</source>
        <translation>%1: %2: %4 からの応答が空です (HTTP %3)。これは Prometheus のアドレスですか？</translation>
    </message>
</context>
<context>
    <name>labdeck::prom::ChartQueries</name>
    <message>
        <location filename="../../services/prometheus/chartqueries.cpp" line="+61"/>
        <source>CPU busy</source>
        <translation>CPU 使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memory used</source>
        <translation>メモリ使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filesystem used</source>
        <translation>ファイルシステム使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network receive</source>
        <translation>ネットワーク受信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network transmit</source>
        <translation>ネットワーク送信</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load average</source>
        <translation>ロードアベレージ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU utilisation</source>
        <translation>GPU 使用率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GPU memory used</source>
        <translation>GPU メモリ使用量</translation>
    </message>
</context>
<context>
    <name>labdeck::prom::Client</name>
    <message>
        <location filename="../../services/prometheus/promclient.cpp" line="+40"/>
        <source>Prometheus at %1</source>
        <translation>%1 の Prometheus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>prometheus.url in the inventory</source>
        <translation>インベントリの prometheus.url</translation>
    </message>
</context>
<context>
    <name>labdeck::prom::Parse</name>
    <message>
        <location filename="../../services/prometheus/promparse.cpp" line="+96"/>
        <source>the request was invalid</source>
        <translation>リクエストが不正です</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the query failed while it ran</source>
        <translation>クエリーの実行中に失敗しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the query took longer than Prometheus allows</source>
        <translation>クエリーが Prometheus の許容時間を超えました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the query was cancelled</source>
        <translation>クエリーがキャンセルされました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus had an internal error</source>
        <translation>Prometheus で内部エラーが発生しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus is starting and its storage is not ready</source>
        <translation>Prometheus は起動中で、ストレージの準備ができていません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the demo lab cannot run this query</source>
        <translation>デモラボではこのクエリーを実行できません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prometheus does not know this endpoint</source>
        <translation>Prometheus はこのエンドポイントを認識しません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prometheus reported an error (%1)</source>
        <translation>Prometheus がエラーを報告しました（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the answer was empty</source>
        <translation>%1: 応答が空でした</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: the answer is not Prometheus JSON (%2 at byte %3)</source>
        <translation>%1: 応答が Prometheus の JSON ではありません（%3 バイト目で %2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the answer has no status &quot;success&quot; or &quot;error&quot;</source>
        <translation>%1: 応答に status &quot;success&quot; も &quot;error&quot; もありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: malformed answer: %2</source>
        <translation>%1: 応答の形式が不正です: %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a vector sample is not [time, &quot;value&quot;]</source>
        <translation>vector のサンプルが [time, &quot;value&quot;] ではありません</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>a matrix sample is not [time, &quot;value&quot;]</source>
        <translation>matrix のサンプルが [time, &quot;value&quot;] ではありません</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the scalar is not [time, &quot;value&quot;]</source>
        <translation>scalar が [time, &quot;value&quot;] ではありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the query returned a string, not numbers</source>
        <translation>クエリーが数値ではなく文字列を返しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown result type &quot;%1&quot;</source>
        <translation>不明な結果タイプ「%1」です</translation>
    </message>
</context>
<context>
    <name>labdeck::ssh::SshTransport</name>
    <message>
        <location filename="../../services/ssh/sshtransport.cpp" line="+82"/>
        <source>not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected</source>
        <translation>接続済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+18"/>
        <source>%1: connect: the inventory gives this host no SSH endpoint (ssh: or sources.sshAlias)</source>
        <translation>%1: 接続: インベントリでこのホストに SSH エンドポイント（ssh: または sources.sshAlias）が指定されていません</translation>
    </message>
    <message>
        <location filename="../../services/ssh/sshworker.cpp" line="+303"/>
        <source>could not create an SSH session</source>
        <translation>SSH セッションを作成できませんでした</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>connecting was cancelled</source>
        <translation>接続がキャンセルされました</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no SSH answer from %1 port %2 within %3 s — is the host up and sshd listening there?</source>
        <translation>%1 のポート %2 から %3 秒以内に SSH の応答がありません — ホストは起動していて、sshd がそこで待ち受けていますか？</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 does not resolve (%2) — check the name in the inventory or HostName in ~/.ssh/config</source>
        <translation>%1 を名前解決できません（%2） — インベントリの名前か ~/.ssh/config の HostName を確認してください</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>could not connect to %1 port %2: %3 — is the host up and sshd listening there?</source>
        <translation>%1 のポート %2 に接続できませんでした: %3 — ホストは起動していて、sshd がそこで待ち受けていますか？</translation>
    </message>
    <message>
        <location filename="../../services/ssh/sshworker_hostkey.cpp" line="+139"/>
        <source>the server sent no host key</source>
        <translation>サーバーがホスト鍵を送ってきませんでした</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the host key of %1 (%2 %3) is REVOKED in %4 line %5. Labdeck does not connect to a host offering a revoked key; ask the host&apos;s owner which key it should have.</source>
        <translation>%1 のホスト鍵 (%2 %3) は %4 の %5 行目で失効 (revoked) とされています。Labdeck は失効した鍵を提示するホストには接続しません。正しい鍵をホストの管理者に確認してください。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the host key of %1 has CHANGED. Recorded in %2 line %3: %4 %5; offered now: %6 %7. Labdeck does not connect to it. If you rebuilt %8, remove the old key with: ssh-keygen -R %9 -f %10 and connect again; otherwise do not connect: someone may be intercepting the connection.</source>
        <translation>%1 のホスト鍵が変わっています。%2 の %3 行目の記録: %4 %5、今回提示された鍵: %6 %7。Labdeck はこのホストに接続しません。%8 を再構築したのであれば、ssh-keygen -R %9 -f %10 で古い鍵を削除してから接続し直してください。そうでなければ接続しないでください。誰かが通信を傍受している可能性があります。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is vouched for by a certificate authority (%2 line %3), and Labdeck cannot check SSH host certificates; nothing was run. To trust the host key itself (%4 %5), check its fingerprint with the host&apos;s owner, then add it to Labdeck&apos;s known_hosts: %6</source>
        <translation>%1 は認証局 (%2 の %3 行目) によって保証されていますが、Labdeck は SSH ホスト証明書を検証できません。何も実行しませんでした。ホスト鍵そのもの (%4 %5) を信頼するには、フィンガープリントをホストの管理者に確認してから、Labdeck の known_hosts に追加してください: %6</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the host key of %1 (%2 %3) is not known, and ~/.ssh/config demands StrictHostKeyChecking yes for it; nothing was run</source>
        <translation>%1 のホスト鍵 (%2 %3) は未登録で、~/.ssh/config がこのホストに StrictHostKeyChecking yes を指定しています。何も実行しませんでした</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the host key of %1 (%2 %3) is not known, and nobody is here to confirm it; nothing was run</source>
        <translation>%1 のホスト鍵 (%2 %3) は未登録で、確認できる人がいません。何も実行しませんでした</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cancelled while the host key question was open</source>
        <translation>ホスト鍵の確認中にキャンセルされました</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>you refused the host key %1 of %2; nothing was run</source>
        <translation>%2 のホスト鍵 %1 を拒否したため、何も実行していません</translation>
    </message>
    <message>
        <location filename="../../services/ssh/sshworker_auth.cpp" line="+125"/>
        <source>cancelled while the passphrase question was open</source>
        <translation>パスフレーズの入力中にキャンセルされました</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the passphrase for %1 was wrong</source>
        <translation>%1 のパスフレーズが違います</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>the agent</source>
        <translation>エージェント</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the server wants a second factor after the key, which Labdeck does not support — allow key-only logins for %1 on %2</source>
        <translation>サーバーが鍵の後に第 2 要素を求めていますが、Labdeck は対応していません — %2 で %1 が鍵だけでログインできるようにしてください</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no agent and no key file (looked for %1) — create a key with ssh-keygen -t ed25519 and add it to ~/.ssh/authorized_keys on %2</source>
        <translation>エージェントも鍵ファイルもありません（探した場所: %1） — ssh-keygen -t ed25519 で鍵を作り、%2 の ~/.ssh/authorized_keys に追加してください</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the server refused every key (tried %1) — add your public key to ~/.ssh/authorized_keys of %2 on %3</source>
        <translation>サーバーがすべての鍵を拒否しました（試したもの: %1） — %3 のユーザー %2 の ~/.ssh/authorized_keys に公開鍵を追加してください</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../services/ssh/sshworker.cpp" line="-118"/>
        <source>no answer in time</source>
        <translation>時間内に応答がありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>could not reach %1 port %2 through the jump host %3: %4 — check that ssh %3 works in a terminal without a prompt (its host key known, its login by key or agent)</source>
        <translation>踏み台ホスト %3 経由で %1 のポート %2 に到達できませんでした: %4 — 端末で ssh %3 が確認なしに動くか (ホスト鍵が既知で、鍵またはエージェントでログインできるか) 確かめてください</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>could not reach %1 through the jump host %2: %3</source>
        <translation>踏み台ホスト %2 経由で %1 に到達できませんでした: %3</translation>
    </message>
    <message>
        <location line="+178"/>
        <source>%1 was killed by signal %2</source>
        <translation>%1 はシグナル %2 で強制終了されました</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ended without an exit status</source>
        <translation>%1 は終了コードなしで終了しました</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was not found on %2 (exit 127: %3) — install it there, or make sure it is on the PATH of a non-interactive SSH login</source>
        <translation>%2 に %1 が見つかりません（終了コード 127: %3） — そのホストにインストールするか、非対話の SSH ログインの PATH に入っているか確認してください</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 was cancelled</source>
        <translation>%1 はキャンセルされました</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 printed more than %2 MiB, more than Labdeck reads from one command; it was stopped</source>
        <translation>%1 の出力が %2 MiB を超えました。Labdeck が1つのコマンドから読み取る上限を超えたため停止しました</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the connection to %1 was lost while %2 ran (%3); it is reconnected on the next command</source>
        <translation>%2 の実行中に %1 への接続が切れました（%3）。次のコマンドで再接続します</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 did not finish within %2 s and was stopped</source>
        <translation>%1 が %2 秒以内に終わらなかったため、停止しました</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>the connection to %1 was lost (%2)</source>
        <translation>%1 への接続が切れました（%2）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>%1 did not answer a keepalive within %2 s; the connection was dropped and is made again on the next command</source>
        <translation>%1 が %2 秒以内にキープアライブに応答しませんでした。接続を切断しました。次のコマンドで接続し直します</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the connection to %1 was lost (%2); it is made again on the next command</source>
        <translation>%1 への接続が失われました（%2）。次のコマンドで接続し直します</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was cancelled before it started</source>
        <translation>%1 は開始前にキャンセルされました</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>could not open a channel: %1</source>
        <translation>チャネルを開けませんでした: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Labdeck stopped the SSH connection</source>
        <translation>Labdeck が SSH 接続を停止しました</translation>
    </message>
    <message>
        <location filename="../../services/ssh/sshjump.cpp" line="+74"/>
        <source>no jump host</source>
        <translation>踏み台ホストがありません</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the jump host %1 is not [user@]host[:port]</source>
        <translation>踏み台ホスト %1 が [user@]host[:port] の形ではありません</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not a host name that can be reached through a jump host</source>
        <translation>%1 は踏み台ホスト経由で到達できるホスト名ではありません</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>could not make a socket for the jump host: %1</source>
        <translation>踏み台ホスト用のソケットを作れませんでした: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>a jump host needs OpenSSH&apos;s ssh client, which is not installed (apt install openssh-client)</source>
        <translation>踏み台ホストには OpenSSH の ssh クライアントが必要ですが、インストールされていません (apt install openssh-client)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>could not start ssh for the jump host: %1</source>
        <translation>踏み台ホスト用の ssh を起動できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>labdeck::ssh::SshTunnel</name>
    <message>
        <location filename="../../services/ssh/sshtransport.cpp" line="+125"/>
        <source>%1: tunnel: could not listen on a loopback port: %2</source>
        <translation>%1: トンネル: ループバックのポートで待ち受けできませんでした: %2</translation>
    </message>
</context>
<context>
    <name>labdeck::tailscale::TailscaleMonitor</name>
    <message>
        <location filename="../../services/tailscale/tailscalemonitor.cpp" line="+20"/>
        <source>Tailscale: the inventory names no status host (tailscale: statusHost)</source>
        <translation>Tailscale: インベントリで状態取得ホストが指定されていません（tailscale: statusHost）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: SSH: not connected</source>
        <translation>%1: SSH: 未接続</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: tailscale status: exit status %2: %3</source>
        <translation>%1: tailscale status: 終了コード %2: %3</translation>
    </message>
</context>
</TS>
