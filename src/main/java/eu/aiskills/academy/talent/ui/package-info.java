/** The talent marketplace's views: postings and employers' pages. */
package eu.aiskills.academy.talent.ui;
