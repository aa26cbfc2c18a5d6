/** The labs' views: a lesson's labs, and the notebook a learner runs. */
package eu.aiskills.academy.labs.ui;
