package org.ruxue.app.zoning;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Han characters as single characters and as overlapping pairs, digits and letters as
 * words. Pairs make a compound's name match as a whole; the single characters keep a typo
 * or a homophone (华纺亿城 for 华纺易城) in reach, where pairs alone would lose two of three. No
 * word segmentation: compound names are invented words no dictionary knows.
 */
final class AddressAnalyzer extends Analyzer {

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		Tokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new CJKWidthFilter(tokenizer);
		stream = new LowerCaseFilter(stream);
		stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN, true);
		return new TokenStreamComponents(tokenizer, stream);
	}

}
