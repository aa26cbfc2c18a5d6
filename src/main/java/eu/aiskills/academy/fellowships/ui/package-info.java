/** The fellowships' views: calls, host offers, applying, and the calls' administration. */
package eu.aiskills.academy.fellowships.ui;
