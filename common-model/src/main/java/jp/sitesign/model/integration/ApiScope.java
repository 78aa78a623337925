package jp.sitesign.model.integration;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an approved integration application (連携アプリケーション) may do with its key. The admin asks for scopes
 * when applying and the operator approves them as asked; the access policy maps every {@link
 * jp.sitesign.model.policy.Action} an application may take to the one scope that allows it.
 */
public enum ApiScope {
    /** Search and read contracts, partners and the company directory. */
    CONTRACTS_READ("contracts:read", "案件の参照", "Read contracts"),
    /** Create and edit drafts and 送付のみ contracts, attach PDFs, submit. */
    CONTRACTS_WRITE("contracts:write", "案件の作成・編集・申請", "Create, edit and submit contracts"),
    /** Download contract PDFs. */
    DOCUMENTS_READ("documents:read", "文書（PDF）の取得", "Download documents"),
    /** Export the 電子帳簿保存法 search results as CSV (with contracts:read) or ZIP (and documents:read). */
    EXPORT("export", "案件の一括出力", "Export contracts"),
    /** Read the company's users. */
    USERS_READ("users:read", "利用者の参照", "Read users");

    private final String wireName;
    private final String labelJa;
    private final String labelEn;

    ApiScope(String wireName, String labelJa, String labelEn) {
        this.wireName = wireName;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** The name in requests, answers and the CLI, e.g. {@code contracts:read}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The scope of a wire name, or empty when there is none. */
    public static Optional<ApiScope> fromWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }

    /** For JSON: an unknown name is a field error, which the server reports as 400. */
    @JsonCreator
    public static ApiScope parse(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException("unknown scope " + name));
    }
}
