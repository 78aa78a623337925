/**
 * The sync protocol of DESIGN §4, as both sides see it: the wire's JSON rules ({@link
 * jp.sitesign.model.sync.WireJson}), what a client may hold of each entity ({@link
 * jp.sitesign.model.sync.ContractSnapshot} and the others carried in a {@link jp.sitesign.model.sync.Change}),
 * the change feed page ({@link jp.sitesign.model.sync.ChangePage}) and the commands a client pushes with
 * their results ({@link jp.sitesign.model.sync.Command}, {@link jp.sitesign.model.sync.CommandResult}).
 */
package jp.sitesign.model.sync;
