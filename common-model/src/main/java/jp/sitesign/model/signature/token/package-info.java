/**
 * Where signing keys come from: PKCS#11 tokens through the JDK's SunPKCS11 and PKCS#12 files.
 * A PIN is asked through a {@link jp.sitesign.model.signature.token.PinCallback} each time a
 * {@link jp.sitesign.model.signature.token.KeySession} opens, cleared right after use, and the
 * session logs out when closed.
 */
package jp.sitesign.model.signature.token;
