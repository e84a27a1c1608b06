<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../app.py" line="87"/>
        <source>Upgrading the registry: rebuilding the search index…</source>
        <translation>正在升级荣誉库：重建搜索索引…</translation>
    </message>
    <message>
        <location filename="../../app.py" line="95"/>
        <source>Honours</source>
        <translation>劳模荣誉库</translation>
    </message>
</context>
<context>
    <name>ArchiveForm</name>
    <message>
        <location filename="../archive_form.py" line="178"/>
        <source>Not stated</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../archive_form.py" line="185"/>
        <source>e.g. 1998-07 or 1998-07-01</source>
        <translation>如 1998-07 或 1998-07-01</translation>
    </message>
    <message>
        <location filename="../archive_form.py" line="186"/>
        <source>18 characters; shown in full only while editing</source>
        <translation>18 位；仅在编辑时完整显示</translation>
    </message>
    <message>
        <location filename="../archive_form.py" line="188"/>
        <source>Personal data: the ID number is shown masked except while this field is being edited.</source>
        <translation>个人信息：身份证号仅在编辑此栏时完整显示，其余时候部分隐藏。</translation>
    </message>
    <message>
        <location filename="../archive_form.py" line="190"/>
        <source>e.g. 13807340000</source>
        <translation>如 13807340000</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <location filename="../backup_actions.py" line="172"/>
        <source>Back Up Registry</source>
        <translation>备份荣誉库</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="174"/>
        <source>Honours registries (*.sqlite)</source>
        <translation>荣誉库文件 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="187"/>
        <source>Backed up %1 honourees and %2 photos to %3.</source>
        <translation>已将 %1 人和 %2 张照片备份到 %3。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="196"/>
        <source>Restore the backup %1?

It holds %2 honourees (%3 in its trash) and %4 photos. The registry as it is now will be kept in the backups folder.</source>
        <translation>要恢复备份 %1 吗？

其中有荣誉人物 %2 人（回收站中 %3 人）和照片 %4 张。当前的荣誉库会保留在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="209"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="243"/>
        <source>Restored %1 honourees from %2. The replaced file is kept as %3.</source>
        <translation>已从 %2 恢复 %1 人。被替换的文件保留为 %3。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="271"/>
        <location filename="../backup_actions.py" line="278"/>
        <source>Check Registry</source>
        <translation>检查荣誉库</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="272"/>
        <source>No problems found. The registry is sound.</source>
        <translation>未发现问题，荣誉库完好。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="276"/>
        <source>%n problem(s) found.</source>
        <translation>发现 %n 个问题。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="286"/>
        <source>Only the search index is affected; it can be rebuilt from the records.</source>
        <translation>只有搜索索引受影响，可以根据记录重建。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="291"/>
        <source>Rebuild Search Index</source>
        <translation>重建搜索索引</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="295"/>
        <source>Restoring a recent backup is the safe remedy (File ▸ Restore from Backup…).</source>
        <translation>稳妥的办法是恢复最近的备份（文件 ▸ 从备份恢复…）。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="307"/>
        <source>Search index rebuilt.</source>
        <translation>已重建搜索索引。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="318"/>
        <source>&amp;Back Up…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="321"/>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="324"/>
        <source>&amp;Check Registry…</source>
        <translation>检查荣誉库(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>BatchEditDialog</name>
    <message>
        <location filename="../batch_edit.py" line="29"/>
        <source>Batch Edit</source>
        <translation>批量修改</translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_edit.py" line="32"/>
        <source>Set these fields on the %n selected honouree(s). Fields left at “leave unchanged” keep each person’s own value.</source>
        <translation>
            <numerusform>为所选的 %n 人设置以下各项。选“不修改”的项，各人保留原来的值。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="54"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="55"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="56"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message numerus="yes">
        <location filename="../batch_edit.py" line="68"/>
        <source>&amp;Apply to %n honouree(s)</source>
        <translation>
            <numerusform>应用到 %n 人(&amp;A)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="69"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="89"/>
        <source>(leave unchanged)</source>
        <translation>（不修改）</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="98"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="98"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../batch_edit.py" line="98"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>CareBatchDialog</name>
    <message>
        <location filename="../care_actions.py" line="113"/>
        <source>Record Care</source>
        <translation>登记关怀</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="123"/>
        <source>e.g. 500 (each person)</source>
        <translation>如 500（每人）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="129"/>
        <source>e.g. 份</source>
        <translation>如 份</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="139"/>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="140"/>
        <source>&amp;Kind</source>
        <translation>类别(&amp;K)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="141"/>
        <source>&amp;Occasion</source>
        <translation>事由(&amp;O)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="142"/>
        <source>&amp;Amount (yuan)</source>
        <translation>金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="147"/>
        <source>Goods, quantity, unit</source>
        <translation>物品、数量、单位</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="148"/>
        <source>&amp;Date</source>
        <translation>日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="149"/>
        <source>&amp;By</source>
        <translation>经办(&amp;B)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="150"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="156"/>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="157"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>CareDialogs</name>
    <message>
        <location filename="../care_actions.py" line="74"/>
        <source>The %n selected honouree(s)</source>
        <translation>选中的 %n 人</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="78"/>
        <source>Everyone the search finds (%n)</source>
        <translation>当前搜索找到的全部人员（%n 人）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="202"/>
        <source>This registry is read-only: care cannot be recorded.</source>
        <translation>此荣誉库为只读，无法登记关怀。</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="216"/>
        <source>Nobody to record care for.</source>
        <translation>没有可登记关怀的人员。</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="227"/>
        <source>Recorded %1 for %n honouree(s) (Ctrl+Z undoes it).</source>
        <translation>已为 %n 人登记%1（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="499"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="501"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="508"/>
        <source>Saved the sign sheet (%n page(s)) to %1.</source>
        <translation>已将签领表（共 %n 页）保存到 %1。</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="528"/>
        <source>Record &amp;Care…</source>
        <translation>批量登记关怀(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="531"/>
        <source>Record one visit, check-up or other care for the selected honourees at once</source>
        <translation>为选中的人员一次登记慰问、体检等关怀</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="539"/>
        <source>Who Is &amp;Due…</source>
        <translation>待办关怀(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="543"/>
        <source>Print &amp;Sign Sheet…</source>
        <translation>打印慰问金签领表(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>CareModel</name>
    <message>
        <location filename="../list_models.py" line="258"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="261"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="268"/>
        <source>Occasion</source>
        <translation>事由</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="270"/>
        <source>e.g. 春节</source>
        <translation>如 春节</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="273"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="273"/>
        <source>e.g. 500</source>
        <translation>如 500</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="274"/>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="274"/>
        <source>e.g. 慰问品</source>
        <translation>如 慰问品</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="275"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="276"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="276"/>
        <source>e.g. 份</source>
        <translation>如 份</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="277"/>
        <source>By</source>
        <translation>经办</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="277"/>
        <source>e.g. 市总工会</source>
        <translation>如 市总工会</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="278"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="327"/>
        <source>Give the date of the care (what is due is reckoned from it).</source>
        <translation>请填写关怀日期（待办关怀据此计算）。</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <location filename="../list_editors.py" line="265"/>
        <source>Enter: done · Shift+Enter: new line</source>
        <translation>回车：完成 · Shift+回车：换行</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <location filename="../compare_table.py" line="52"/>
        <location filename="../compare_table.py" line="69"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../conflict_dialog.py" line="57"/>
        <source>Someone Else Saved This Record</source>
        <translation>此记录已被他人保存</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="71"/>
        <source>Keep My Version brings the record back from the trash with your changes.</source>
        <translation>选择“保留我的版本”会把记录从回收站恢复，并保存您的修改。</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="80"/>
        <source>The fields below differ. Keep My Version saves yours over theirs (theirs stays in the record&apos;s history, and photos they added are kept).</source>
        <translation>以下字段不同。“保留我的版本”会用您的版本覆盖对方的版本（对方的版本仍保留在记录的历史中，对方添加的照片也会保留）。</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="93"/>
        <source>Saved by someone else</source>
        <translation>他人保存的版本</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="92"/>
        <source>Your version</source>
        <translation>您的版本</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="74"/>
        <source>Keep My Version saves your changes and keeps theirs to the fields you did not change; fields you both changed are in bold. Their version stays in the record&apos;s history, and photos they added are kept.</source>
        <translation>“保留我的版本”会保存您的修改，同时保留对方对您未改动字段的修改；双方都改动过的字段以粗体显示。对方的版本仍保留在记录的历史中，对方添加的照片也会保留。</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="90"/>
        <source>Their changes kept in any case: %1</source>
        <translation>无论如何都会保留对方的修改：%1</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="92"/>
        <source>Saved by Keep My Version</source>
        <translation>“保留我的版本”将保存的内容</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="97"/>
        <source>Keep &amp;My Version</source>
        <translation>保留我的版本(&amp;M)</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="99"/>
        <source>Keep &amp;Their Version</source>
        <translation>保留对方的版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="99"/>
        <source>Leave It &amp;Deleted</source>
        <translation>保持删除(&amp;D)</translation>
    </message>
    <message>
        <location filename="../conflict_dialog.py" line="102"/>
        <source>Keep &amp;Editing</source>
        <translation>继续编辑(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../connect_dialog.py" line="34"/>
        <source>Connect to Shared Registry</source>
        <translation>连接共享荣誉库</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="38"/>
        <source>The address your administrator gave, such as postgresql://leiyang@192.168.1.10:5432/honours. The password is read from your pgpass file or PGPASSWORD, or asked for; it is never saved.</source>
        <translation>管理员提供的地址，例如 postgresql://leiyang@192.168.1.10:5432/honours。密码从您的 pgpass 文件或 PGPASSWORD 读取，或在需要时询问；本程序从不保存密码。</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="57"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="70"/>
        <source>Type an address that starts with postgresql://, such as postgresql://login@host:5432/honours.</source>
        <translation>请输入以 postgresql:// 开头的地址，例如 postgresql://login@host:5432/honours。</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="82"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="84"/>
        <source>The server refused that password for %1. Password:</source>
        <translation>服务器拒绝了 %1 的该密码。密码：</translation>
    </message>
    <message>
        <location filename="../connect_dialog.py" line="86"/>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
</context>
<context>
    <name>DeedsModel</name>
    <message>
        <location filename="../list_models.py" line="145"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="146"/>
        <source>Deed</source>
        <translation>事迹</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="166"/>
        <source>Describe the deed.</source>
        <translation>请填写事迹内容。</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../detail_pane.py" line="121"/>
        <source>Select an honouree to see everything recorded about them.</source>
        <translation>在列表中选择一位荣誉人物，即可查看其全部记录。</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="179"/>
        <source>Highest honour: %1</source>
        <translation>最高荣誉：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="183"/>
        <source>Posthumous honour</source>
        <translation>追授</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="193"/>
        <source>Donated %1 in cash</source>
        <translation>捐款%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="214"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="226"/>
        <source>Details</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="231"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="235"/>
        <source>None recorded.</source>
        <translation>暂无记录。</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="236"/>
        <location filename="../detail_pane.py" line="259"/>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="244"/>
        <source>awarded by %1</source>
        <translation>%1授予</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="246"/>
        <source>posthumous</source>
        <translation>追授</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="251"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="255"/>
        <source>revoked %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="271"/>
        <source>Deeds</source>
        <translation>事迹</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="288"/>
        <source>to %1</source>
        <translation>受赠方：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="299"/>
        <source>cash %1</source>
        <translation>现金%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="304"/>
        <location filename="../detail_pane.py" line="309"/>
        <source>Total: %1</source>
        <translation>合计：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="304"/>
        <location filename="../detail_pane.py" line="309"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="312"/>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="351"/>
        <source>Report: %1</source>
        <translation>报道：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="354"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="370"/>
        <source>Photos (%1)</source>
        <translation>照片（%1）</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="377"/>
        <source>No. %1 · version %2 · last saved %3</source>
        <translation>编号 %1 · 第 %2 版 · 最后保存于 %3</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="349"/>
        <source>Report: “%1”</source>
        <translation>报道：《%1》</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="328"/>
        <source>by %1</source>
        <translation>经办：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="335"/>
        <source>Money given: %1</source>
        <translation>发放金额合计：%1</translation>
    </message>
    <message>
        <location filename="../detail_pane.py" line="339"/>
        <source>Care</source>
        <translation>关怀记录</translation>
    </message>
</context>
<context>
    <name>DonationsModel</name>
    <message>
        <location filename="../list_models.py" line="180"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="180"/>
        <source>e.g. 50万</source>
        <translation>如 50万</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="181"/>
        <source>Goods</source>
        <translation>物品</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="181"/>
        <source>e.g. 口罩</source>
        <translation>如 口罩</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="182"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="182"/>
        <source>e.g. 1万</source>
        <translation>如 1万</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="183"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="183"/>
        <source>e.g. 只</source>
        <translation>如 只</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="184"/>
        <source>Recipient</source>
        <translation>受赠方</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="185"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="186"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="236"/>
        <source>Give an amount of money or the goods donated.</source>
        <translation>请填写捐款金额或捐赠的物品。</translation>
    </message>
</context>
<context>
    <name>DueDialog</name>
    <message>
        <location filename="../care_actions.py" line="242"/>
        <source>Who Is Due</source>
        <translation>待办关怀</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="246"/>
        <source>No visit (慰问) this year</source>
        <translation>本年度未慰问</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="247"/>
        <source>Check-up (体检) due</source>
        <translation>应安排体检</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="248"/>
        <source>Recuperation (疗休养) due</source>
        <translation>应安排疗休养</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="249"/>
        <source>困难劳模 not helped in 12 months</source>
        <translation>困难劳模 12 个月内未帮扶</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="250"/>
        <source>Files not updated for a year</source>
        <translation>档案一年未更新</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="258"/>
        <source>Everyone living, not only model workers</source>
        <translation>包括所有在世人员，而不只是劳模</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="264"/>
        <source>Check-up every (years, serving)</source>
        <translation>体检周期（年，在职）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="265"/>
        <source>retired</source>
        <translation>退休</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="266"/>
        <source>Recuperation every (years)</source>
        <translation>疗休养周期（年）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="267"/>
        <source>Aid within (months)</source>
        <translation>帮扶周期（月）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="280"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="294"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="296"/>
        <source>Show Them in the Table</source>
        <translation>在表格中选中他们</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="333"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="333"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="333"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="333"/>
        <source>Last</source>
        <translation>上次</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="333"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message numerus="yes">
        <location filename="../care_actions.py" line="347"/>
        <source>%n honouree(s) due, as of %1. Double-click one to show it.</source>
        <translation>
            <numerusform>截至 %1，共 %n 人待办。双击可查看其档案。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditDialog</name>
    <message>
        <location filename="../edit_dialog.py" line="95"/>
        <source>No honours recorded. Click “Add” to record a title such as 全国劳动模范.</source>
        <translation>尚无荣誉记录。点击“添加”录入称号，如 全国劳动模范。</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="101"/>
        <source>No deeds recorded. Click “Add”, then double-click a cell to write.</source>
        <translation>尚无事迹记录。点击“添加”，再双击单元格填写。</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="108"/>
        <source>No donations recorded. Amounts can be typed as clerks write them: 50万, 10万元, 1,000, 五十万元.</source>
        <translation>尚无捐赠记录。金额可按平时的写法填写：50万、10万元、1,000、五十万元。</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="116"/>
        <source>No care recorded. Click “Add” for a visit (慰问), check-up (体检), recuperation (疗休养), aid (困难帮扶) or allowance (劳模津贴).</source>
        <translation>暂无关怀记录。点击“添加”登记慰问、体检、疗休养、困难帮扶或劳模津贴。</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="195"/>
        <source>Edit %1</source>
        <translation>编辑：%1</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="195"/>
        <source>New honouree</source>
        <translation>新增荣誉人物</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="197"/>
        <location filename="../edit_dialog.py" line="431"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="200"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="215"/>
        <source>Basic</source>
        <translation>基本信息</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="216"/>
        <source>Archive</source>
        <translation>档案</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="217"/>
        <location filename="../edit_dialog.py" line="309"/>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="218"/>
        <location filename="../edit_dialog.py" line="310"/>
        <source>Deeds</source>
        <translation>事迹</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="219"/>
        <location filename="../edit_dialog.py" line="311"/>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="221"/>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="244"/>
        <source>Cash total: %1</source>
        <translation>现金合计：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../edit_dialog.py" line="246"/>
        <source>%n gift(s) of goods</source>
        <translation>
            <numerusform>%n 项物品捐赠</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../edit_dialog.py" line="290"/>
        <source>%n other honouree(s) already have this name and unit (ID %1). Make sure this is not the same person before saving.</source>
        <translation>
            <numerusform>已有 %n 位荣誉人物的姓名和单位与此相同（编号 %1）。保存前请确认不是同一人。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="319"/>
        <source>Photos are still being checked; save again in a moment.</source>
        <translation>照片仍在检查中，请稍后再保存。</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="329"/>
        <source>%1, row %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="423"/>
        <source>Unsaved changes</source>
        <translation>尚未保存的修改</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="424"/>
        <source>Save the changes to this honouree before closing?</source>
        <translation>关闭前要保存对该荣誉人物的修改吗？</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="432"/>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="433"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="199"/>
        <source>Save this honouree (%1)</source>
        <translation>保存此记录（%1）</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="220"/>
        <location filename="../edit_dialog.py" line="312"/>
        <source>Care</source>
        <translation>关怀慰问</translation>
    </message>
    <message>
        <location filename="../edit_dialog.py" line="234"/>
        <source>Money given: %1</source>
        <translation>发放金额合计：%1</translation>
    </message>
</context>
<context>
    <name>EntryValues</name>
    <message>
        <location filename="../entry_values.py" line="45"/>
        <source>A quantity must be a whole number above zero: “%1”</source>
        <translation>数量必须是大于零的整数：“%1”</translation>
    </message>
    <message>
        <location filename="../entry_values.py" line="55"/>
        <source>“%1” is not a year (write it like 2020; %2–%3)</source>
        <translation>“%1”不是有效的年份（请写作 2020 这样的格式；%2–%3 年）</translation>
    </message>
    <message>
        <location filename="../entry_values.py" line="71"/>
        <source>“%1” is not a date (write it like 2020-02-15, 2020-02 or 2020; %2–%3)</source>
        <translation>“%1”不是有效的日期（请写作 2020-02-15、2020-02 或 2020；%2–%3 年）</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_actions.py" line="54"/>
        <location filename="../export_actions.py" line="233"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="55"/>
        <source>CSV, UTF-8 for Excel (*.csv)</source>
        <translation>CSV 文件，UTF-8 编码，Excel 可直接打开 (*.csv)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="56"/>
        <source>JSON with photos, complete (*.zip)</source>
        <translation>JSON 及全部照片，完整备份 (*.zip)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="57"/>
        <source>JSON records without photos (*.json)</source>
        <translation>JSON 记录，不含照片 (*.json)</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="74"/>
        <location filename="../export_actions.py" line="190"/>
        <location filename="../export_actions.py" line="216"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message numerus="yes">
        <location filename="../export_actions.py" line="77"/>
        <source>The current search result: %n</source>
        <translation>
            <numerusform>当前搜索结果：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_actions.py" line="78"/>
        <source>The selected honourees: %n</source>
        <translation>
            <numerusform>选中的荣誉人物：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../export_actions.py" line="79"/>
        <source>The whole registry: %n</source>
        <translation>
            <numerusform>整个荣誉库：%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="97"/>
        <source>Show ID numbers in full (otherwise 430402********123X)</source>
        <translation>完整显示身份证号（否则显示为 430402********123X）</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="101"/>
        <source>Honourees:</source>
        <translation>导出范围：</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="102"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="103"/>
        <source>ID numbers:</source>
        <translation>身份证号：</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="107"/>
        <location filename="../export_actions.py" line="258"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="140"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="141"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="166"/>
        <source>honourees</source>
        <translation>荣誉人物</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="206"/>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="210"/>
        <source>Honourees exported to %1: %n.</source>
        <translation>已将 %n 人导出到 %1。</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="231"/>
        <source>Import template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="249"/>
        <source>Import template written to %1: fill in one row per person, then import it.</source>
        <translation>导入模板已写出到 %1：每人填一行，然后导入。</translation>
    </message>
    <message>
        <location filename="../export_actions.py" line="262"/>
        <source>Import &amp;template…</source>
        <translation>导入模板(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>FieldLabels</name>
    <message>
        <location filename="../diff_table.py" line="34"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <location filename="../filter_panel.py" line="248"/>
        <source>Honour level</source>
        <translation>荣誉级别</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="249"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="250"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="251"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="252"/>
        <source>Year of honour</source>
        <translation>获评年份</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="276"/>
        <source>%1–%2</source>
        <translation>%1–%2年</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="278"/>
        <source>from %1</source>
        <translation>%1年起</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="279"/>
        <source>until %1</source>
        <translation>截至%1年</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="282"/>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="283"/>
        <source>Clear all</source>
        <translation>全部清除</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="284"/>
        <source>Remove every filter from the search</source>
        <translation>从搜索中去掉全部筛选条件</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="285"/>
        <source>Years of honour</source>
        <translation>获评年份</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="286"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="287"/>
        <source>Show honourees with an honour awarded in these years</source>
        <translation>只显示在这些年份获得荣誉的人物</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="289"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="313"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="319"/>
        <source>Remove this filter (%1)</source>
        <translation>去掉此筛选条件（%1）</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="367"/>
        <source>Click to show only these (%1)</source>
        <translation>点击只显示这些人物（%1）</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="290"/>
        <source>Tick several values of a group to show either of them</source>
        <translation>同一组中勾选多个值，显示符合其中任一项的人物</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="361"/>
        <source>Click to remove this value from the filter</source>
        <translation>点击从筛选条件中去掉此项</translation>
    </message>
    <message>
        <location filename="../filter_panel.py" line="363"/>
        <source>Click to show these too (%1)</source>
        <translation>点击同时显示这些人物（%1）</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../history_dialog.py" line="55"/>
        <source>Created</source>
        <translation>新建</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="56"/>
        <source>Edited</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="57"/>
        <source>Moved to trash</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="58"/>
        <source>Restored from trash</source>
        <translation>从回收站恢复</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="59"/>
        <source>Deleted for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="79"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="80"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="81"/>
        <source>Change</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="141"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="141"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="144"/>
        <source>&amp;Restore This Version</source>
        <translation>恢复到此版本(&amp;R)</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="148"/>
        <source>Make the record as it was in this version again. This is itself recorded, so it can be undone from the history too. Photos stay as they are now.</source>
        <translation>把记录恢复成这个版本的样子。此操作本身也会记入历史，因此同样可以撤回。照片保持现状。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="179"/>
        <source>History of “%1”</source>
        <translation>“%1”的历史记录</translation>
    </message>
    <message numerus="yes">
        <location filename="../history_dialog.py" line="182"/>
        <source>%n recorded change(s). Choose one to see what it changed.</source>
        <translation>
            <numerusform>共 %n 次修改记录。选择一条可查看改动内容。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="206"/>
        <source>The record as it was first saved.</source>
        <translation>记录最初保存时的内容。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="208"/>
        <source>The record was moved to the trash. Restoring this version brings it back.</source>
        <translation>记录被移入回收站。恢复到此版本即可找回。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="210"/>
        <source>The record was brought back from the trash.</source>
        <translation>记录已从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="213"/>
        <source>The record was deleted for good when the trash was emptied; below is its last version (a backup taken before holds it).</source>
        <translation>清空回收站时，记录被彻底删除；下面是它最后的版本（清空前的备份中仍有此记录）。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="217"/>
        <source>Saved without changing any field.</source>
        <translation>保存时没有改动任何字段。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="218"/>
        <source>Fields this save changed:</source>
        <translation>此次保存改动的字段：</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="228"/>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="239"/>
        <source>Choose an honouree first.</source>
        <translation>请先选择一位荣誉人物。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="243"/>
        <source>The earlier version was restored.</source>
        <translation>已恢复到先前的版本。</translation>
    </message>
    <message>
        <location filename="../history_dialog.py" line="251"/>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
</context>
<context>
    <name>HonoureeForm</name>
    <message>
        <location filename="../honouree_form.py" line="208"/>
        <source>&amp;Name *</source>
        <translation>姓名(&amp;N) *</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="209"/>
        <source>&amp;Gender</source>
        <translation>性别(&amp;G)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="210"/>
        <source>&amp;Age</source>
        <translation>年龄(&amp;A)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="211"/>
        <source>&amp;Birth date</source>
        <translation>出生日期(&amp;B)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="212"/>
        <source>&amp;Ethnicity</source>
        <translation>民族(&amp;E)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="215"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="216"/>
        <source>&amp;Position</source>
        <translation>职务(&amp;P)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="217"/>
        <source>&amp;Region</source>
        <translation>地区(&amp;R)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="218"/>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="219"/>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="223"/>
        <source>Person or collective, e.g. 许仲秋</source>
        <translation>个人或集体，如 许仲秋</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="225"/>
        <source>as reported, e.g. 28</source>
        <translation>按报道填写，如 28</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="226"/>
        <source>e.g. 1975-06-01 or 1975</source>
        <translation>如 1975-06-01 或 1975</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="227"/>
        <source>e.g. 汉族</source>
        <translation>如 汉族</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="228"/>
        <source>Work unit, e.g. 衡阳市中心医院</source>
        <translation>工作单位，如 衡阳市中心医院</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="229"/>
        <source>e.g. 耒阳市</source>
        <translation>如 耒阳市</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="230"/>
        <source>Choose or type</source>
        <translation>选择或输入</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="231"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="232"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="233"/>
        <source>Report</source>
        <translation>报道</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="234"/>
        <source>Sentence</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="236"/>
        <source>Not stated</source>
        <translation>未填</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="279"/>
        <source>Birth date %1 read from the ID number.</source>
        <translation>已从身份证号读出出生日期 %1。</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="284"/>
        <source>Gender %1 read from the ID number.</source>
        <translation>已从身份证号读出性别：%1。</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="335"/>
        <source>Enter the name of the person or collective.</source>
        <translation>请填写个人或集体的名称。</translation>
    </message>
    <message>
        <location filename="../honouree_form.py" line="337"/>
        <source>The name is required.</source>
        <translation>姓名为必填项。</translation>
    </message>
</context>
<context>
    <name>HonoursModel</name>
    <message>
        <location filename="../list_models.py" line="41"/>
        <source>Title</source>
        <translation>称号</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="41"/>
        <source>e.g. 全国劳动模范</source>
        <translation>如 全国劳动模范</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="44"/>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="49"/>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="50"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="51"/>
        <source>Awarded by</source>
        <translation>授予单位</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="52"/>
        <source>Posthumous</source>
        <translation>追授</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="55"/>
        <source>Document</source>
        <translation>表彰文件</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="57"/>
        <source>e.g. 湘政发〔2020〕12号</source>
        <translation>如 湘政发〔2020〕12号</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="60"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="61"/>
        <source>Revoked on</source>
        <translation>撤销日期</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="62"/>
        <source>Reason revoked</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../list_models.py" line="112"/>
        <source>Give the title of the honour.</source>
        <translation>请填写荣誉称号。</translation>
    </message>
</context>
<context>
    <name>ImportDetail</name>
    <message>
        <location filename="../import_detail.py" line="33"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="34"/>
        <source>Add as new</source>
        <translation>作为新记录添加</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="35"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../import_dialog.py" line="94"/>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="125"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="126"/>
        <source>Unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="127"/>
        <source>Honours</source>
        <translation>荣誉称号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="123"/>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="124"/>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="128"/>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="131"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="132"/>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="133"/>
        <source>Unchanged</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="134"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="138"/>
        <source>Updates record #%1.</source>
        <translation>更新第 %1 号记录。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="330"/>
        <location filename="../import_dialog.py" line="484"/>
        <location filename="../import_dialog.py" line="789"/>
        <source>Import spreadsheet</source>
        <translation>导入表格</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="346"/>
        <source>No file chosen.</source>
        <translation>尚未选择文件。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="349"/>
        <source>Choose &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="368"/>
        <source>Columns: choose what each column of the sheet fills</source>
        <translation>列对应：为表格的每一列选择导入到哪一项</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="454"/>
        <source>&amp;Skip rows with errors</source>
        <translation>跳过有错误的行(&amp;S)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="460"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="487"/>
        <location filename="../import_dialog.py" line="791"/>
        <source>Spreadsheets and Honours exports (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;All files (*)</source>
        <translation>表格及荣誉库导出文件 (*.xlsx *.xlsm *.csv *.txt *.zip *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="506"/>
        <source>Reading the export…</source>
        <translation>正在读取导出文件…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="511"/>
        <source>An Honours export: records are added as they were saved, with their photos and dates.</source>
        <translation>荣誉库导出文件：记录将按导出时的原样添加，包括照片和日期。</translation>
    </message>
    <message numerus="yes">
        <location filename="../import_dialog.py" line="545"/>
        <source>Header in row %1; data rows: %2.</source>
        <translation>
            <numerusform>表头在第 %1 行；数据共 %2 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="548"/>
        <source>Text encoding: %1.</source>
        <translation>文本编码：%1。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="560"/>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="599"/>
        <source>To add: %1   To update: %2   Unchanged: %3   Rows with errors: %4</source>
        <translation>新增：%1   更新：%2   无变化：%3   有错误的行：%4</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="697"/>
        <source>Some rows have errors: correct the sheet, or tick “Skip rows with errors”.</source>
        <translation>部分行有错误：请更正表格，或勾选“跳过有错误的行”。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="707"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="735"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="739"/>
        <source>Import cancelled: nothing was imported.</source>
        <translation>已取消导入：未导入任何记录。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="742"/>
        <source>Nothing was imported.</source>
        <translation>未导入任何记录。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="758"/>
        <source>Imported: %1 added, %2 updated.</source>
        <translation>已导入：新增 %1 条，更新 %2 条。</translation>
    </message>
    <message numerus="yes">
        <location filename="../import_dialog.py" line="764"/>
        <source>%n row(s) with errors were skipped.</source>
        <translation>
            <numerusform>已跳过有错误的 %n 行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="806"/>
        <source>&amp;Import spreadsheet…</source>
        <translation>导入表格(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="135"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="136"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="190"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="233"/>
        <source>A possible duplicate: double-click to merge, add as new or skip it.</source>
        <translation>疑似重复：双击可选择合并、作为新记录添加或跳过。</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="398"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="399"/>
        <source>Possible duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="400"/>
        <source>Rows with errors</source>
        <translation>有错误的行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="401"/>
        <source>Rows with warnings</source>
        <translation>有提醒的行</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="410"/>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="417"/>
        <source>Merge all</source>
        <translation>全部合并</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="418"/>
        <source>Add all as new</source>
        <translation>全部作为新记录</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="419"/>
        <source>Skip all</source>
        <translation>全部跳过</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="423"/>
        <source>Do this with every possible duplicate</source>
        <translation>对所有疑似重复的行执行此操作</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="608"/>
        <source>Possible duplicates: %1 (merge %2, add %3, skip %4)</source>
        <translation>疑似重复：%1 行（合并 %2，新增 %3，跳过 %4）</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="614"/>
        <source>Possible duplicates:</source>
        <translation>疑似重复：</translation>
    </message>
    <message>
        <location filename="../import_dialog.py" line="768"/>
        <source>Possible duplicates: %1 merged, %2 added as new, %3 skipped.</source>
        <translation>疑似重复：合并 %1 行，作为新记录添加 %2 行，跳过 %3 行。</translation>
    </message>
</context>
<context>
    <name>IndexProgress</name>
    <message>
        <location filename="../search_indexer.py" line="218"/>
        <source>Building the search index: %1 of %2 newly imported people — searches find them when it is done</source>
        <translation>正在建立搜索索引：新导入的 %2 人已完成 %1 人，完成后才能搜索到他们</translation>
    </message>
    <message>
        <location filename="../search_indexer.py" line="214"/>
        <source>Tidying the search index: the newly imported people can be found now</source>
        <translation>正在整理搜索索引：新导入的人员已可搜索</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../intake_dialog.py" line="79"/>
        <location filename="../intake_dialog.py" line="434"/>
        <source>Intake from a report</source>
        <translation>从报道录入</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="83"/>
        <source>Paste the text of a news report here, or open a .txt or .docx file.</source>
        <translation>在此粘贴新闻报道全文，或打开 .txt、.docx 文件。</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="85"/>
        <source>&amp;Open report…</source>
        <translation>打开报道(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="87"/>
        <source>&amp;Find honourees</source>
        <translation>识别荣誉人物(&amp;F)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="115"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="117"/>
        <source>&amp;Reject</source>
        <translation>不采用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="119"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="121"/>
        <source>Accept a&amp;ll</source>
        <translation>全部接受(&amp;L)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="123"/>
        <location filename="../intake_dialog.py" line="353"/>
        <source>&amp;Merge into the existing record</source>
        <translation>并入已有记录(&amp;M)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="157"/>
        <source>&amp;Save accepted</source>
        <translation>保存已接受(&amp;S)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="189"/>
        <source>Open report</source>
        <translation>打开报道</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="189"/>
        <source>Reports (*.txt *.docx);;All files (*)</source>
        <translation>报道 (*.txt *.docx);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="216"/>
        <source>Paste a report or open a file first.</source>
        <translation>请先粘贴报道或打开文件。</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="221"/>
        <source>Reading the report…</source>
        <translation>正在阅读报道…</translation>
    </message>
    <message numerus="yes">
        <location filename="../intake_dialog.py" line="258"/>
        <source>%n honouree(s) proposed from %1</source>
        <translation>
            <numerusform>从 %1 识别出 %n 位荣誉人物</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../intake_dialog.py" line="261"/>
        <source>%n honouree(s) proposed</source>
        <translation>
            <numerusform>识别出 %n 位荣誉人物</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="268"/>
        <source>No honourees were found in this text.</source>
        <translation>未在这段文字中识别出荣誉人物。</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="348"/>
        <source>&amp;Merge into #%1 %2</source>
        <translation>并入 #%1 %2(&amp;M)</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="369"/>
        <source>%1 accepted, %2 rejected, %3 to decide</source>
        <translation>已接受 %1，不采用 %2，待定 %3</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="413"/>
        <source>Intake saved: %1 new, %2 merged into existing records.</source>
        <translation>录入已保存：新增 %1 条，并入已有记录 %2 条。</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="423"/>
        <source>Close intake</source>
        <translation>关闭录入</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="424"/>
        <source>Accepted proposals have not been saved. Close anyway?</source>
        <translation>已接受的建议尚未保存。仍要关闭吗？</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="457"/>
        <source>&amp;Intake from report…</source>
        <translation>从报道录入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="459"/>
        <source>Find the honourees a news report names and add them</source>
        <translation>识别新闻报道中提到的荣誉人物并录入</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="34"/>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="35"/>
        <source>honour</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="36"/>
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="37"/>
        <source>position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="38"/>
        <source>donation</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="39"/>
        <source>award verb</source>
        <translation>授予用语</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="40"/>
        <source>death</source>
        <translation>去世</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="85"/>
        <source>Source sentence</source>
        <translation>出处原文</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="95"/>
        <source>In simplified characters:</source>
        <translation>简体：</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="100"/>
        <source>Why it was proposed</source>
        <translation>识别依据</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="101"/>
        <source>Certainty: %1%</source>
        <translation>可信度：%1%</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="108"/>
        <source>A collective (a unit or team), not a person.</source>
        <translation>这是集体（单位或团队），不是个人。</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="117"/>
        <source>Merge into #%1 %2 (%3)</source>
        <translation>并入 #%1 %2（%3）</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="127"/>
        <source>adds honours:</source>
        <translation>新增荣誉：</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="130"/>
        <source>adds donations:</source>
        <translation>新增捐赠：</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="135"/>
        <source>adds deeds:</source>
        <translation>新增事迹：</translation>
    </message>
    <message>
        <location filename="../intake_evidence.py" line="139"/>
        <source>The record already holds everything this report says.</source>
        <translation>该记录已包含本报道所述全部内容。</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="53"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="60"/>
        <source>posthumous</source>
        <translation>追授</translation>
    </message>
    <message>
        <location filename="../intake_dialog.py" line="248"/>
        <location filename="../intake_model.py" line="62"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="68"/>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="111"/>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="112"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="113"/>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="114"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="115"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="116"/>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="117"/>
        <source>Deeds</source>
        <translation>事迹</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="118"/>
        <source>Save as</source>
        <translation>保存方式</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="119"/>
        <source>Certainty</source>
        <translation>可信度</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="144"/>
        <source>To decide</source>
        <translation>待定</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="145"/>
        <source>Accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="146"/>
        <source>Rejected</source>
        <translation>不采用</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="158"/>
        <source>New record</source>
        <translation>新增记录</translation>
    </message>
    <message>
        <location filename="../intake_model.py" line="159"/>
        <source>Merge into #%1</source>
        <translation>并入 #%1</translation>
    </message>
</context>
<context>
    <name>LastBackupLabel</name>
    <message>
        <location filename="../backup_actions.py" line="64"/>
        <source>Shared registry: backed up by its administrator</source>
        <translation>共享荣誉库：由管理员负责备份</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="65"/>
        <source>honours backup writes a snapshot of it into a file.</source>
        <translation>honours backup 可将其快照写入文件。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="69"/>
        <source>No file, no backups</source>
        <translation>无文件，无备份</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="73"/>
        <source>Automatic backup failed</source>
        <translation>自动备份失败</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="77"/>
        <source>No backup yet</source>
        <translation>尚无备份</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="78"/>
        <source>Use File ▸ Back Up… to make one.</source>
        <translation>请用“文件 ▸ 备份…”进行备份。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="81"/>
        <source>Last backup: %1</source>
        <translation>最近备份：%1</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../list_editors.py" line="442"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../list_editors.py" line="443"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../list_editors.py" line="444"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location filename="../list_editors.py" line="445"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location filename="../list_editors.py" line="493"/>
        <source>Row %1 · %2: %3</source>
        <translation>第 %1 行 · %2：%3</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="144"/>
        <location filename="../main_window.py" line="658"/>
        <source>Honours</source>
        <translation>劳模荣誉库</translation>
    </message>
    <message numerus="yes">
        <location filename="../main_window.py" line="322"/>
        <source>%1 of %2 honourees shown</source>
        <translation>
            <numerusform>显示 %1 人，共 %2 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="332"/>
        <source>Nothing matches “%1”.</source>
        <translation>没有与“%1”相符的记录。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="336"/>
        <source>%1 newly imported people are not searched yet: their search index is being built.</source>
        <translation>新导入的 %1 人暂时搜索不到：正在为他们建立搜索索引。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342"/>
        <source>%1 newly imported people are not searched: this file is open read-only, so their search index cannot be built.</source>
        <translation>新导入的 %1 人搜索不到：此文件以只读方式打开，无法为他们建立搜索索引。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="391"/>
        <source>Search index updated.</source>
        <translation>搜索索引已更新。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="399"/>
        <source>The search index of the newly imported people could not be finished: %1 They stay in the roll; a search finds them once the index is built, which is tried again the next time this registry is opened.</source>
        <translation>新导入人员的搜索索引未能建完：%1 他们仍在名册中；索引建好后才能搜索到他们，下次打开此荣誉库时会再次尝试。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="504"/>
        <source>Search Help</source>
        <translation>搜索帮助</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="527"/>
        <source>About Honours</source>
        <translation>关于劳模荣誉库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="517"/>
        <source>&lt;h3&gt;Honours (劳模荣誉库)&lt;/h3&gt;&lt;p&gt;A registry of model workers, medal holders, advanced workers and donors, with Chinese and pinyin search, photos and printed certificates.&lt;/p&gt;&lt;p&gt;Registry file: %1&lt;/p&gt;</source>
        <translation>&lt;h3&gt;劳模荣誉库&lt;/h3&gt;&lt;p&gt;劳动模范、劳动奖章获得者、先进工作者和爱心捐赠者的荣誉档案，支持中文和拼音搜索、照片管理和证书打印。&lt;/p&gt;&lt;p&gt;荣誉库文件：%1&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="548"/>
        <source>Open Registry</source>
        <translation>打开荣誉库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="550"/>
        <source>Honours registries (*.sqlite *.db);;All files (*)</source>
        <translation>荣誉库文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="558"/>
        <source>New Registry</source>
        <translation>新建荣誉库</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="558"/>
        <source>Honours registries (*.sqlite)</source>
        <translation>荣誉库文件 (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="565"/>
        <source>%1 already exists. Use Open Registry to open it.</source>
        <translation>%1 已存在。请用“打开荣誉库”打开它。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="657"/>
        <source>(in memory)</source>
        <translation>（内存中）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="660"/>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="62"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="65"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="76"/>
        <source>&amp;Edit Honouree…</source>
        <translation>编辑荣誉人物(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="80"/>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="99"/>
        <source>&amp;Filter Panel</source>
        <translation>筛选面板(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="107"/>
        <source>&amp;Detail Pane</source>
        <translation>详情面板(&amp;D)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="117"/>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="131"/>
        <source>&amp;Open Registry…</source>
        <translation>打开荣誉库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="138"/>
        <source>Connect to S&amp;hared Registry…</source>
        <translation>连接共享荣誉库(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="144"/>
        <source>&amp;New Registry…</source>
        <translation>新建荣誉库(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="147"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="153"/>
        <source>&amp;New Honouree…</source>
        <translation>新增荣誉人物(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="163"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="169"/>
        <source>&amp;Clear Search</source>
        <translation>清除搜索(&amp;C)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="178"/>
        <source>&amp;Search Help</source>
        <translation>搜索帮助(&amp;S)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="184"/>
        <source>&amp;About Honours</source>
        <translation>关于劳模荣誉库(&amp;A)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="193"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="194"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="195"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="196"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="197"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="206"/>
        <source>Recent &amp;Registries</source>
        <translation>最近打开的荣誉库(&amp;R)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="224"/>
        <source>&amp;Language</source>
        <translation>界面语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="266"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="460"/>
        <source>Added “%1”. The search and filters were cleared to show it.</source>
        <translation>已清除筛选以显示新添加的“%1”。</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="471"/>
        <source>Undone: %1</source>
        <translation>已撤销：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="474"/>
        <source>Redone: %1</source>
        <translation>已重做：%1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="510"/>
        <source>Version %1 · Qt %2 · PySide6 %3 · Python %4</source>
        <translation>版本 %1 · Qt %2 · PySide6 %3 · Python %4</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="85"/>
        <source>&amp;Batch Edit…</source>
        <translation>批量修改(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="87"/>
        <source>Set the category, region or status of every selected honouree</source>
        <translation>为所选的每个人设置类别、地区或状态</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="174"/>
        <source>&amp;Reset Columns</source>
        <translation>重置列(&amp;R)</translation>
    </message>
    <message>
        <location filename="../window_actions.py" line="228"/>
        <source>&amp;Columns</source>
        <translation>显示的列(&amp;C)</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../merge_dialog.py" line="72"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="73"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="74"/>
        <source>Other record</source>
        <translation>另一条记录</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="75"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="123"/>
        <location filename="../merge_dialog.py" line="380"/>
        <source>Merge Duplicate Records</source>
        <translation>档案合并</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="146"/>
        <source>&amp;Find Again</source>
        <translation>重新查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="169"/>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="191"/>
        <source>The other record goes to the trash; its honours, deeds, donations and photos move to the kept one. Tinted fields differ: the kept record&apos;s value stays unless you tick the other&apos;s.</source>
        <translation>另一条记录将移入回收站，其荣誉、事迹、捐赠和照片并入保留的记录。着色的字段内容不一致：除非勾选另一条记录的值，否则保留原值。</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="198"/>
        <source>&amp;Merge</source>
        <translation>合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="201"/>
        <source>&amp;Undo Merge</source>
        <translation>撤销合并(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location filename="../merge_dialog.py" line="259"/>
        <source>%n pair(s) of records look like one person.</source>
        <translation>
            <numerusform>有 %n 对记录疑似同一人。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="261"/>
        <source>No records look like the same person.</source>
        <translation>未发现疑似同一人的记录。</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="299"/>
        <source>Why: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="306"/>
        <location filename="../merge_dialog.py" line="307"/>
        <source>#%1 %2</source>
        <translation>#%1 %2</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="335"/>
        <source>#%1 (kept)</source>
        <translation>#%1（保留）</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="336"/>
        <source>#%1 (to the trash)</source>
        <translation>#%1（移入回收站）</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="337"/>
        <source>After merging</source>
        <translation>合并后</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="372"/>
        <source>Merged #%1 into #%2 %3; #%1 is in the trash. Ctrl+Z undoes it.</source>
        <translation>已将 #%1 合并到 #%2 %3；#%1 已移入回收站。按 Ctrl+Z 可撤销。</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="395"/>
        <source>Merged %n duplicate record(s) (Ctrl+Z undoes the last).</source>
        <translation>已合并 %n 条重复记录（按 Ctrl+Z 可撤销最近一次）。</translation>
    </message>
    <message>
        <location filename="../merge_dialog.py" line="402"/>
        <source>&amp;Merge Duplicate Records…</source>
        <translation>档案合并(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>NetworkWarning</name>
    <message>
        <location filename="../network_warning.py" line="25"/>
        <source>This registry is on a network share (%1). The database engine cannot lock a file reliably over the network, so when two computers save into it at once the file can be damaged or saves can be lost. Keep the registry on this computer&apos;s own disk (several windows and the command line on one PC are safe), take backups to the share instead, and for several offices use the shared registry server that is coming.</source>
        <translation>此荣誉库位于网络共享（%1）上。数据库引擎无法在网络上可靠地锁定文件，两台电脑同时保存时，文件可能损坏或丢失已保存的内容。请把荣誉库放在本机磁盘上（同一台电脑上的多个窗口和命令行可以放心同时使用），把备份放到共享文件夹；多个单位共用一个名册，请使用即将推出的共享荣誉库服务器。</translation>
    </message>
    <message>
        <location filename="../network_warning.py" line="42"/>
        <source>⚠ On a network share: not safe for several PCs</source>
        <translation>⚠ 位于网络共享：多台电脑同时使用不安全</translation>
    </message>
    <message>
        <location filename="../network_warning.py" line="54"/>
        <source>Registry on a network share</source>
        <translation>荣誉库位于网络共享</translation>
    </message>
</context>
<context>
    <name>OpenFailureDialog</name>
    <message>
        <location filename="../open_failure_dialog.py" line="88"/>
        <source>daily</source>
        <translation>每日自动</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="89"/>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="90"/>
        <source>file replaced by a restore</source>
        <translation>恢复时被替换的文件</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="91"/>
        <source>before emptying the trash</source>
        <translation>清空回收站前</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="92"/>
        <source>made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="95"/>
        <source>before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="135"/>
        <source>Cannot Open the Registry</source>
        <translation>无法打开荣誉库</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="169"/>
        <source>&amp;Restore Chosen Backup</source>
        <translation>恢复所选备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="172"/>
        <source>Restore from &amp;Another File…</source>
        <translation>从其他文件恢复(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="178"/>
        <source>Backups of this registry, newest first. Restoring one keeps the current file in the backups folder; nothing is deleted.</source>
        <translation>此荣誉库的备份（最新的在前）。恢复时当前文件会保留在备份文件夹中，不会删除任何东西。</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="183"/>
        <source>No backups were found beside this file. You can restore a backup kept elsewhere (for example on a USB stick).</source>
        <translation>此文件旁没有找到备份。您可以恢复保存在别处（例如U盘）的备份。</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="200"/>
        <source>Open &amp;Read-Only</source>
        <translation>以只读方式打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="203"/>
        <source>&amp;Choose Another File…</source>
        <translation>选择其他文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="206"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="220"/>
        <source>The registry file is damaged</source>
        <translation>荣誉库文件已损坏</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="222"/>
        <source>The registry file is empty</source>
        <translation>荣誉库文件是空的</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="224"/>
        <source>This file is not an Honours registry</source>
        <translation>此文件不是荣誉库</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="226"/>
        <source>This registry comes from a newer version of Honours</source>
        <translation>此荣誉库来自更新版本的程序</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="228"/>
        <source>This registry file cannot be written</source>
        <translation>此荣誉库文件无法写入</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="230"/>
        <source>This registry is busy</source>
        <translation>此荣誉库正忙</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="232"/>
        <source>The registry file is missing</source>
        <translation>荣誉库文件不见了</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="233"/>
        <source>The registry cannot be opened</source>
        <translation>无法打开荣誉库</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="239"/>
        <source>%1 cannot be opened: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="260"/>
        <source>Choose a Backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="262"/>
        <location filename="../open_failure_dialog.py" line="286"/>
        <source>Honours registries (*.sqlite *.db);;All files (*)</source>
        <translation>荣誉库文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../open_failure_dialog.py" line="284"/>
        <source>Open Registry</source>
        <translation>打开荣誉库</translation>
    </message>
</context>
<context>
    <name>PhotoGrid</name>
    <message>
        <location filename="../photo_list.py" line="224"/>
        <source>No photos yet.
Click “Add photos…” or drag image files here.</source>
        <translation>还没有照片。
点击“添加照片…”，或把图片文件拖到这里。</translation>
    </message>
</context>
<context>
    <name>PhotoListModel</name>
    <message>
        <location filename="../photo_list.py" line="79"/>
        <source>Photo %1</source>
        <translation>照片 %1</translation>
    </message>
    <message>
        <location filename="../photo_list.py" line="90"/>
        <source>Main photo</source>
        <translation>主照片</translation>
    </message>
    <message>
        <location filename="../photo_list.py" line="92"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
</context>
<context>
    <name>PhotoManager</name>
    <message>
        <location filename="../photo_manager.py" line="210"/>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="211"/>
        <source>or drag image files here (JPEG, PNG, GIF, BMP, TIFF, WebP)</source>
        <translation>或把图片文件拖到这里（JPEG、PNG、GIF、BMP、TIFF、WebP）</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="212"/>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="213"/>
        <source>e.g. 工作照, 2020年春</source>
        <translation>如 工作照、2020年春</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="214"/>
        <source>★ Make main photo</source>
        <translation>★ 设为主照片</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="215"/>
        <source>★ Main photo: shown in the roll and on certificates</source>
        <translation>★ 主照片：显示在名册和证书上</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="216"/>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="217"/>
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="218"/>
        <source>Earlier</source>
        <translation>前移</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="219"/>
        <source>Later</source>
        <translation>后移</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="220"/>
        <source>Export original…</source>
        <translation>导出原图…</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="221"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="296"/>
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="298"/>
        <source>Images (%1);;All files (*)</source>
        <translation>图片 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="366"/>
        <source>Photos not added</source>
        <translation>以下照片未添加</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="367"/>
        <source>These files were not added:</source>
        <translation>这些文件没有添加：</translation>
    </message>
    <message numerus="yes">
        <location filename="../photo_manager.py" line="375"/>
        <source>Checking %n photo(s)…</source>
        <translation>
            <numerusform>正在检查 %n 张照片…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="410"/>
        <source>Select a photo</source>
        <translation>请选择一张照片</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="427"/>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="492"/>
        <location filename="../photo_manager.py" line="506"/>
        <location filename="../photo_manager.py" line="511"/>
        <source>Export original</source>
        <translation>导出原图</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="495"/>
        <source>photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="497"/>
        <source>Export original photo</source>
        <translation>导出原始照片</translation>
    </message>
    <message>
        <location filename="../photo_manager.py" line="512"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../print_actions.py" line="228"/>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location filename="../print_options_dialog.py" line="50"/>
        <source>Print Options</source>
        <translation>打印选项</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="56"/>
        <source>Certificate summaries, one page per honouree</source>
        <translation>荣誉证书摘要，每人一页</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="57"/>
        <source>Roll list (a table of honourees)</source>
        <translation>名册（荣誉人物一览表）</translation>
    </message>
    <message numerus="yes">
        <location filename="../print_options_dialog.py" line="68"/>
        <source>The selected honourees: %n</source>
        <translation>
            <numerusform>选中的荣誉人物：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../print_options_dialog.py" line="69"/>
        <source>The current search result: %n</source>
        <translation>
            <numerusform>当前搜索结果：%n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../print_options_dialog.py" line="70"/>
        <source>The whole registry: %n</source>
        <translation>
            <numerusform>整个荣誉库：%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="82"/>
        <source>Honour level</source>
        <translation>荣誉级别</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="83"/>
        <source>Work unit</source>
        <translation>工作单位</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="86"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4（210 × 297 毫米）</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="87"/>
        <source>Letter (8.5 × 11 in)</source>
        <translation>Letter（8.5 × 11 英寸）</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="90"/>
        <source>Printed at the top and beside the seal</source>
        <translation>印在页首和落款处</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="93"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="94"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="103"/>
        <source>Print:</source>
        <translation>打印内容：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="104"/>
        <source>Honourees:</source>
        <translation>荣誉人物：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="105"/>
        <source>Group the roll by:</source>
        <translation>名册分组：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="106"/>
        <source>Roll title:</source>
        <translation>名册标题：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="107"/>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="108"/>
        <source>Organisation:</source>
        <translation>落款单位：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="109"/>
        <source>Document language:</source>
        <translation>文档语言：</translation>
    </message>
    <message>
        <location filename="../print_options_dialog.py" line="111"/>
        <source>Show ID numbers in full (otherwise 430402********123X)</source>
        <translation>完整显示身份证号（否则显示为 430402********123X）</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../print_progress.py" line="18"/>
        <source>Preparing pages…</source>
        <translation>正在准备页面…</translation>
    </message>
    <message>
        <location filename="../print_progress.py" line="18"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../print_progress.py" line="21"/>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="152"/>
        <source>certificates</source>
        <translation>荣誉证书摘要</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="154"/>
        <source>roll</source>
        <translation>名册</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="163"/>
        <location filename="../table_print.py" line="356"/>
        <location filename="../table_print.py" line="383"/>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="178"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="185"/>
        <location filename="../table_print.py" line="396"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="187"/>
        <location filename="../table_print.py" line="398"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="194"/>
        <source>PDF export cancelled: no file was written.</source>
        <translation>已取消导出 PDF，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="197"/>
        <location filename="../table_print.py" line="378"/>
        <source>Saved %n page(s) to %1.</source>
        <translation>已将 %n 页保存到 %1。</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="206"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="217"/>
        <source>Sent %n page(s) to the printer.</source>
        <translation>已向打印机发送 %n 页。</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="247"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="268"/>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="269"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="270"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../print_actions.py" line="271"/>
        <source>Print &amp;Table…</source>
        <translation>打印表格(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="393"/>
        <source>table</source>
        <translation>表格</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../i18n.py" line="39"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="40"/>
        <source>Drive</source>
        <translation>驱动器</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../i18n.py" line="37"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="38"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <location filename="../i18n.py" line="42"/>
        <source>Page &amp;order:</source>
        <translation>页面顺序(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../i18n.py" line="43"/>
        <source>Pages &amp;per sheet:</source>
        <translation>每张纸页数(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <location filename="../i18n.py" line="41"/>
        <source>Page &amp;Set:</source>
        <translation>奇偶页(&amp;S)：</translation>
    </message>
</context>
<context>
    <name>RecordCommands</name>
    <message>
        <location filename="../record_commands.py" line="39"/>
        <source>The edit dialog could not be opened: %1</source>
        <translation>无法打开编辑窗口：%1</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="60"/>
        <source>Added “%1”.</source>
        <translation>已添加“%1”。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="147"/>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="158"/>
        <source>Move “%1” to the trash?</source>
        <translation>将“%1”移入回收站吗？</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="162"/>
        <source>Move %n honourees to the trash?</source>
        <translation>将这 %n 位荣誉人物移入回收站吗？</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="165"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="168"/>
        <source>You can undo this with Ctrl+Z or restore it from the trash.</source>
        <translation>可按 Ctrl+Z 撤销，也可从回收站恢复。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="182"/>
        <source>Moved “%1” to the trash (Ctrl+Z undoes it).</source>
        <translation>已将“%1”移入回收站（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="186"/>
        <source>Moved %n honourees to the trash (Ctrl+Z undoes it).</source>
        <translation>已将 %n 位荣誉人物移入回收站（按 Ctrl+Z 可撤销）。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="219"/>
        <source>Nothing to change: the selected honourees already have these values.</source>
        <translation>无需修改：所选人员已经是这些值。</translation>
    </message>
    <message>
        <location filename="../record_commands.py" line="230"/>
        <source>Changed %n honouree(s): %1 (Ctrl+Z undoes it).</source>
        <translation>已批量修改 %n 人：%1（按 Ctrl+Z 可撤销）。</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../backup_actions.py" line="92"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="109"/>
        <source>Choose the backup to restore. The registry as it is now is kept in the backups folder, so a restore can itself be undone.</source>
        <translation>请选择要恢复的备份。当前的荣誉库会保留在备份文件夹中，因此恢复本身也可以撤回。</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="114"/>
        <source>&amp;Other Backup File…</source>
        <translation>其他备份文件(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="118"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="138"/>
        <source>Choose a Backup</source>
        <translation>选择备份</translation>
    </message>
    <message>
        <location filename="../backup_actions.py" line="140"/>
        <source>Honours registries (*.sqlite *.db);;All files (*)</source>
        <translation>荣誉库文件 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../results_table.py" line="107"/>
        <source>Reset Columns</source>
        <translation>重置列</translation>
    </message>
</context>
<context>
    <name>RollModel</name>
    <message>
        <location filename="../roll_model.py" line="331"/>
        <location filename="../roll_model.py" line="341"/>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="342"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="343"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="344"/>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="345"/>
        <source>Honours</source>
        <translation>荣誉</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="347"/>
        <source>Highest level</source>
        <translation>最高级别</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="348"/>
        <source>Region</source>
        <translation>地区</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="349"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="332"/>
        <source>The years of the honours, latest first</source>
        <translation>各项荣誉的获评年份（最近的在前）</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="308"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="346"/>
        <source>Years</source>
        <translation>获评年份</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="350"/>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../roll_model.py" line="351"/>
        <source>Donated</source>
        <translation>捐赠金额</translation>
    </message>
</context>
<context>
    <name>RowDetail</name>
    <message>
        <location filename="../import_detail.py" line="69"/>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="78"/>
        <source>&amp;Merge into it</source>
        <translation>合并到该记录(&amp;M)</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="79"/>
        <source>&amp;Add as a new record</source>
        <translation>作为新记录添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="80"/>
        <source>S&amp;kip this row</source>
        <translation>跳过此行(&amp;K)</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="97"/>
        <source>Tinted: the two differ. Tick this row&apos;s value to use it instead.</source>
        <translation>着色：两者不一致。勾选本行的值即改用本行。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="117"/>
        <source>Select a row to see everything it will write.</source>
        <translation>选择一行，即可查看它将写入的全部内容。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="122"/>
        <source>Row %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="126"/>
        <source>Probably the same person as %1: %2</source>
        <translation>很可能与 %1 是同一人：%2</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="131"/>
        <source>It also resembles %1.</source>
        <translation>另与 %1 相似。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="140"/>
        <source>&amp;Merge into #%1</source>
        <translation>合并到 #%1(&amp;M)</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="142"/>
        <source>&amp;Merge with row %1</source>
        <translation>与第 %1 行合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="150"/>
        <source>Added as a new record.</source>
        <translation>作为新记录添加。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="151"/>
        <source>Updates record #%1.</source>
        <translation>更新记录 #%1。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="152"/>
        <source>Already in the roll as it is: nothing to change.</source>
        <translation>荣誉库中已有相同内容，无需更改。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="153"/>
        <source>Merged into the record it resembles.</source>
        <translation>合并到与之相似的记录。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="154"/>
        <source>Skipped: not imported.</source>
        <translation>跳过，不导入。</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="155"/>
        <source>Not imported until these are corrected:</source>
        <translation>以下问题更正后才能导入：</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="180"/>
        <source>In the sheet</source>
        <translation>表格中的内容</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="186"/>
        <source>This row</source>
        <translation>本行</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="187"/>
        <source>After import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="197"/>
        <source>Row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../import_detail.py" line="205"/>
        <source>#%1 in the roll</source>
        <translation>库中 #%1</translation>
    </message>
</context>
<context>
    <name>SavedSearchList</name>
    <message>
        <location filename="../saved_search_list.py" line="120"/>
        <location filename="../saved_search_list.py" line="129"/>
        <source>Save Search</source>
        <translation>保存搜索</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="120"/>
        <source>Name of this search:</source>
        <translation>为此搜索命名：</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="130"/>
        <source>A saved search is already called “%1”. Replace it with the current search?</source>
        <translation>已有名为“%1”的已存搜索。要用当前搜索替换它吗？</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="146"/>
        <location filename="../saved_search_list.py" line="157"/>
        <source>Rename Saved Search</source>
        <translation>重命名已存搜索</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="146"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="158"/>
        <source>A saved search is already called “%1”.</source>
        <translation>已有名为“%1”的已存搜索。</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="217"/>
        <source>Saved searches</source>
        <translation>已存搜索</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="218"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="219"/>
        <source>Save the current search and its filters under a name</source>
        <translation>为当前搜索及其筛选条件命名并保存</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="220"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="221"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="222"/>
        <source>Save a search and its filters to run it again with one click.</source>
        <translation>保存搜索及其筛选条件，以后点一下即可再次搜索。</translation>
    </message>
    <message>
        <location filename="../saved_search_list.py" line="223"/>
        <source>Click a saved search to run it</source>
        <translation>点击已存搜索即可运行</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <location filename="../search_box.py" line="32"/>
        <source>Search names, units, honours, deeds… pinyin works (syj); narrow with level:provincial, status:deceased, year:2019..2021, donation&gt;=100000</source>
        <translation>搜索姓名、单位、荣誉、事迹……可用拼音（如 syj）；可加 级别:省级、状态:已故、年份:2019..2021、捐赠&gt;=100000 缩小范围</translation>
    </message>
    <message>
        <location filename="../search_box.py" line="38"/>
        <source>&lt;b&gt;Search&lt;/b&gt;&lt;br&gt;Type any part of a name, unit, position, region, honour or deed: 五一, 劳动模范.&lt;br&gt;Pinyin of names and units, full or initials: songyingjie, syj.&lt;br&gt;Several words: all must match.&lt;br&gt;In one field: name:, unit:, position:, honour:, region:, deed:, item:&lt;br&gt;Values: level:provincial (省级), status:deceased (已故), category:medical&lt;br&gt;Numbers: year:2019..2021, year&amp;gt;=2020, donation&amp;gt;=100000, donation:10万..50万</source>
        <translation>&lt;b&gt;搜索&lt;/b&gt;&lt;br&gt;输入姓名、单位、职务、地区、荣誉或事迹中的任意部分：五一、劳动模范。&lt;br&gt;姓名和单位可用拼音全拼或首字母：songyingjie、syj。&lt;br&gt;输入多个词时，须全部符合。&lt;br&gt;限定字段：姓名:、单位:、职务:、荣誉:、地区:、事迹:（也可写 name:、unit:、position:、honour:、region:、deed:、item:）&lt;br&gt;按取值：级别:省级、状态:已故、类别:医务（level:provincial、status:deceased、category:medical）&lt;br&gt;按数字：年份:2019..2021、年份&amp;gt;=2020、捐赠&amp;gt;=100000、捐赠:10万..50万</translation>
    </message>
</context>
<context>
    <name>SearchIndexer</name>
    <message>
        <location filename="../search_indexer.py" line="49"/>
        <source>The disk is full.</source>
        <translation>磁盘已满。</translation>
    </message>
    <message>
        <location filename="../search_indexer.py" line="50"/>
        <source>The registry file could not be written (%1).</source>
        <translation>无法写入荣誉库文件（%1）。</translation>
    </message>
</context>
<context>
    <name>SignSheetDialog</name>
    <message>
        <location filename="../care_actions.py" line="385"/>
        <source>Print Sign Sheet (慰问金发放签领表)</source>
        <translation>打印慰问金发放签领表</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="394"/>
        <source>(default: 2027年春节慰问金发放签领表)</source>
        <translation>（默认如：2027年春节慰问金发放签领表）</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="397"/>
        <source>Also record the visit (慰问) for each person</source>
        <translation>同时为每人登记这次慰问</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="402"/>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="403"/>
        <source>&amp;Occasion</source>
        <translation>事由(&amp;O)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="404"/>
        <source>&amp;Amount each (yuan)</source>
        <translation>每人金额（元）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="405"/>
        <source>&amp;Date</source>
        <translation>发放日期(&amp;D)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="406"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="407"/>
        <source>Handled by (经办人)</source>
        <translation>经办人</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="408"/>
        <source>Checked by (审核人)</source>
        <translation>审核人</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="411"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="414"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="415"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../care_actions.py" line="416"/>
        <source>Export P&amp;DF…</source>
        <translation>导出 PDF(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <location filename="../statistics_window.py" line="124"/>
        <source>Click to list these people: %1</source>
        <translation>单击列出这些人员：%1</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="145"/>
        <location filename="../statistics_window.py" line="152"/>
        <location filename="../statistics_window.py" line="204"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="150"/>
        <location filename="../statistics_window.py" line="260"/>
        <source>People</source>
        <translation>个人</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="150"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="210"/>
        <source>Donors</source>
        <translation>捐赠人数</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="210"/>
        <source>People cared for</source>
        <translation>受关怀人数</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="213"/>
        <source>Amount given (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="214"/>
        <source>Money (yuan)</source>
        <translation>捐款（元）</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="216"/>
        <source>Goods</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="250"/>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="261"/>
        <source>Collectives</source>
        <translation>集体</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="264"/>
        <source>Count everyone (or type a search)</source>
        <translation>统计全部（或输入搜索条件）</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="271"/>
        <source>Count by</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="272"/>
        <source>and by</source>
        <translation>交叉</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="273"/>
        <source>Whom</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="274"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="292"/>
        <source>Donations by</source>
        <translation>捐赠统计按</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="299"/>
        <source>Counts</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="300"/>
        <source>Donations</source>
        <translation>捐赠</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="312"/>
        <source>Care spending by</source>
        <translation>关怀支出统计按</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="321"/>
        <source>Care spending</source>
        <translation>关怀支出</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="327"/>
        <source>Print Preview…</source>
        <translation>打印预览…</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="328"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="329"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="330"/>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="331"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="362"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="437"/>
        <source>Care money (yuan)</source>
        <translation>关怀金额（元）</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="451"/>
        <source>Showing the people behind the figure: %1</source>
        <translation>已列出该数字对应的人员：%1</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="508"/>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="508"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="514"/>
        <location filename="../statistics_window.py" line="535"/>
        <source>Saved the statistics to %1.</source>
        <translation>已将统计表保存到 %1。</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="522"/>
        <source>Export Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="524"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../statistics_window.py" line="559"/>
        <source>&amp;Statistics…</source>
        <translation>统计(&amp;S)…</translation>
    </message>
</context>
<context>
    <name>TablePreview</name>
    <message>
        <location filename="../table_print.py" line="311"/>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
</context>
<context>
    <name>TablePrintDialog</name>
    <message>
        <location filename="../table_print.py" line="170"/>
        <source>Print Table</source>
        <translation>打印表格</translation>
    </message>
    <message numerus="yes">
        <location filename="../table_print.py" line="174"/>
        <source>%n honouree(s), as the table shows them</source>
        <translation>
            <numerusform>表中显示的 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../table_print.py" line="175"/>
        <source>Columns: %1</source>
        <translation>列：%1</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="175"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="177"/>
        <source>Search: %1</source>
        <translation>检索：%1</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="179"/>
        <source>Search: none (everyone)</source>
        <translation>检索：无（全部荣誉人物）</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="182"/>
        <source>Sorted by %1, descending</source>
        <translation>排序：按%1降序</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="184"/>
        <source>Sorted by %1, ascending</source>
        <translation>排序：按%1升序</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="187"/>
        <source>In the search&apos;s own order</source>
        <translation>排序：按检索的默认顺序</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="199"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="200"/>
        <source>Letter landscape</source>
        <translation>Letter 横向</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="203"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="204"/>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="208"/>
        <source>Pre&amp;view…</source>
        <translation>预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="209"/>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../table_print.py" line="210"/>
        <source>Save as P&amp;DF…</source>
        <translation>保存为 PDF(&amp;D)…</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../trash_dialog.py" line="55"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="56"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="57"/>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="99"/>
        <location filename="../trash_dialog.py" line="170"/>
        <location filename="../trash_dialog.py" line="202"/>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="125"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="128"/>
        <source>&amp;Empty Trash…</source>
        <translation>清空回收站(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../trash_dialog.py" line="149"/>
        <source>%n honouree(s) in the trash. They can be restored until it is emptied.</source>
        <translation>
            <numerusform>回收站中有 %n 位荣誉人物，清空之前都可以恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="152"/>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="181"/>
        <source>Empty Trash</source>
        <translation>清空回收站</translation>
    </message>
    <message numerus="yes">
        <location filename="../trash_dialog.py" line="183"/>
        <source>Delete the %n honouree(s) in the trash for good? A backup is made first, but they can no longer be restored from the trash.</source>
        <translation>
            <numerusform>要彻底删除回收站中的 %n 位荣誉人物吗？删除前会先自动备份，但之后无法再从回收站恢复。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="224"/>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="212"/>
        <source>Restored “%1” from the trash.</source>
        <translation>已从回收站恢复“%1”。</translation>
    </message>
    <message>
        <location filename="../trash_dialog.py" line="213"/>
        <source>Restored %n honourees from the trash.</source>
        <translation>已从回收站恢复 %n 人。</translation>
    </message>
</context>
<context>
    <name>UndoCommands</name>
    <message>
        <location filename="../undo.py" line="86"/>
        <source>Edit “%1”</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../undo.py" line="183"/>
        <source>Add “%1”</source>
        <translation>添加“%1”</translation>
    </message>
    <message>
        <location filename="../undo.py" line="211"/>
        <source>Delete “%1”</source>
        <translation>删除“%1”</translation>
    </message>
    <message>
        <location filename="../undo.py" line="213"/>
        <source>Delete %n honourees</source>
        <translation>删除 %n 位荣誉人物</translation>
    </message>
    <message>
        <location filename="../undo.py" line="245"/>
        <source>Merge records of “%1”</source>
        <translation>合并“%1”的档案</translation>
    </message>
    <message>
        <location filename="../undo.py" line="293"/>
        <source>Batch edit of %n honourees</source>
        <translation>批量修改 %n 人</translation>
    </message>
    <message>
        <location filename="../undo.py" line="339"/>
        <source>Care recorded for %n honourees</source>
        <translation>为 %n 人登记关怀</translation>
    </message>
</context>
</TS>
